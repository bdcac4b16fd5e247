// What each rule's finding means at run time and how to fix it, in English and
// Russian. The cycle rules quote the article on Go finalizers; in Russian the
// quoted sentences are the original ones, in English a faithful translation.
import type { Lang } from '../engine.js';
import { parseGoRelease, releaseAtLeast } from '../discover/go-release.js';

export interface RemediationOptions {
  lang: Lang;
  /** Go version of the analyzed code, e.g. "1.22" or "1.24.3"; unknown when absent. */
  goVersion?: string;
}

interface RuleTexts {
  /** What goes wrong at run time. */
  problem: string;
  /** Sentences quoted from the article, one paragraph each. */
  quotes?: string[];
  fix: string;
  /** Advice that depends on runtime.AddCleanup and weak.Pointer (Go 1.24). */
  cleanup?: { available: string; unavailable: string };
}

type Catalog = Record<string, RuleTexts>;

const articleQuotes: Record<Lang, { intro: string; sentences: string[] }> = {
  en: {
    intro: 'From the article on Go finalizers (translated from Russian):',
    sentences: [
      'The garbage collector will not be able to call the finalizer for foo, and the memory of the objects foo and bar is not guaranteed to be freed. This can lead to a real memory leak.',
      'The garbage collector in Go is a tracing one, so it is able to handle cyclic references correctly if finalizers are not used.',
      'To solve this problem, avoid cyclic references when using finalizers.',
    ],
  },
  ru: {
    intro: 'Из статьи о финализаторах в Go:',
    sentences: [
      'Сборщик мусора не сможет вызвать финализатор для foo, а память для объектов foo и bar не гарантируется, что будет освобождена. Это может привести к настоящей утечке памяти.',
      'Сборщик мусора в Go является трассирующим, поэтому он способен корректно обрабатывать циклические ссылки, если не используются финализаторы.',
      'Чтобы решить эту проблему, избегайте циклических ссылок при использовании финализаторов.',
    ],
  },
};

const cycleCleanup: Record<Lang, { available: string; unavailable: string }> = {
  en: {
    available:
      'With Go 1.24 or later, prefer `runtime.AddCleanup(ptr, cleanup, arg)`: objects with cleanups may sit in cycles and are still collected, and their cleanups run, as long as neither `cleanup` nor `arg` reaches `ptr` (pass the resource, such as the file descriptor, as `arg`, not the object). A back-reference that has to stay can be a `weak.Pointer[T]` (package weak), which does not keep its target alive and so does not close the cycle.',
    unavailable:
      'Go 1.24 added `runtime.AddCleanup`, which collects objects in cycles, and `weak.Pointer`; they are not suggested here because this code does not declare Go 1.24 or later.',
  },
  ru: {
    available:
      'Начиная с Go 1.24 лучше использовать `runtime.AddCleanup(ptr, cleanup, arg)`: объекты с cleanup-функциями могут входить в циклы — они всё равно собираются, и cleanup-функции запускаются, если ни `cleanup`, ни `arg` не ведут к `ptr` (передавайте в `arg` сам ресурс, например файловый дескриптор, а не объект). Обратную ссылку, без которой не обойтись, можно сделать `weak.Pointer[T]` (пакет weak): она не удерживает цель и потому не замыкает цикл.',
    unavailable:
      'В Go 1.24 появились `runtime.AddCleanup`, который собирает объекты в циклах, и `weak.Pointer`; здесь они не предлагаются, потому что код не объявляет Go 1.24 или новее.',
  },
};

const en: Catalog = {
  FG000: {
    problem:
      'finalizer-guard could not analyze part of this code, for the reason the message gives: a syntax error, which the Go compiler rejects too; a file that cannot be read as Go source (empty, binary, not UTF-8, too large, unreadable); build constraints that no target it tries satisfies; or a function whose analysis reached its bound of depth or work (`analysis bounded here`). Findings in that part may be missing or misplaced.',
    fix: 'Fix: correct a syntax error (`gofmt -e` or `go vet` lists them) and run the check again; a file not meant to compile (a template, test input) belongs under a testdata/ directory, which is skipped, or outside the analyzed paths. An analysis bound says nothing is wrong with the code: the part after it was not looked at, so check it by hand for the problems the other rules describe, or split the function so that each part is analyzed whole.',
  },
  FG001: {
    problem:
      "The object passed to runtime.SetFinalizer is part of a reference cycle that runs through at least one other heap object. Until a finalizer has run, the collector keeps alive everything its object points to; an object that reaches itself through another object therefore keeps itself alive: the finalizer never runs and no object in the cycle is ever freed. This is the article's foo/bar example (foo.bar = bar; bar.foo = foo).",
    quotes: articleQuotes.en.sentences,
    fix: 'Fix: break the cycle, or take the finalizer out of it. Keep the resource (file descriptor, C pointer) in a small inner struct that does not point back, and set the finalizer on that struct; the outer objects may then form cycles freely. The article shows the standard library doing this in os.newFile: `runtime.SetFinalizer(f.file, (*file).close)`. Otherwise clear the back-reference (`bar.foo = nil`) before the last reference is dropped. Either way, prefer an explicit Close method and keep the finalizer only as a safety net.',
    cleanup: cycleCleanup.en,
  },
  FG002: {
    problem:
      'No cycle is built in the analyzed code, but the type of the object can reach itself through reference-carrying fields (pointers, slices, arrays, maps, channels, and type arguments such as `atomic.Pointer[T]`, and interface fields of an interface the package declares, through the package\'s types that implement it; what a func field or an interface of another package holds is not known from the type, so those are not followed). If any code links such values into a cycle through another object, the finalizer never runs and the memory of the cycle is never freed. A direct self-pointer (`x.self = x`) is harmless: the collector ignores pointers into the object itself.',
    quotes: articleQuotes.en.sentences,
    fix: 'Fix: make sure values of this type never form such a cycle. If they can, move the finalizer to a small inner struct that holds only the resource and points back to nothing, as os.newFile does with `runtime.SetFinalizer(f.file, (*file).close)`. If they cannot (the field is always nil or points elsewhere), suppress this finding with a reason: `//finalizer-guard:ignore FG002 <reason>`.',
    cleanup: cycleCleanup.en,
  },
  FG003: {
    problem:
      'The finalizer function itself keeps the object reachable: it is a closure that captures the object (or a variable that holds it), a method value bound to the object (`x.fin`), or a method value of another object that reaches it. The runtime keeps the finalizer function alive as long as the finalizer is set, so the object never becomes unreachable, the finalizer never runs, and the object is never freed.',
    fix: 'Fix: use the argument the runtime passes to the finalizer instead of a captured variable: `runtime.SetFinalizer(x, func(x *T) { x.release() })`, or the method expression `runtime.SetFinalizer(x, (*T).release)`. If the finalizer needs other values, copy them into locals that do not lead back to the object and capture only those.',
    cleanup: {
      available:
        'With Go 1.24 or later, `runtime.AddCleanup(x, func(h *handle) { h.close() }, x.h)` makes the split explicit: the cleanup receives only the value it needs, which must not point back to `x`.',
      unavailable:
        'Go 1.24 added `runtime.AddCleanup`, which passes the cleanup only the value it needs; it is not suggested here because this code does not declare Go 1.24 or later.',
    },
  },
  FG004: {
    problem:
      "runtime.SetFinalizer needs a pointer to the start of an allocated object (from `new(T)`, `&T{...}`, or `&v` of a variable). A struct value, any other non-pointer (also inside an interface variable: the runtime looks at what the interface holds), a nil pointer (`var x *T` never assigned, `(*T)(nil)`), or a pointer into the middle of an object (`&s.inner`) makes it abort the whole program with a fatal error, \"runtime.SetFinalizer: first argument is T, not pointer\", \"pointer not in allocated block\" or \"pointer not at beginning of allocated block\"; `recover` cannot catch it. `&p` of a pointer variable `p` is accepted, but the finalizer goes on the variable itself, which is dropped as soon as the function is done with it: the finalizer runs at once, while the object p points to lives on. The article's own first example (`str := CString{...}; runtime.SetFinalizer(str, ...)`) passes a struct value and would die this way.",
    fix: 'Fix: allocate the object with `&T{...}` (or `new(T)`), keep and return that pointer, and pass it to SetFinalizer: `runtime.SetFinalizer(p, ...)`, not `&p`. For a part of an object, set the finalizer on the whole object, or allocate the part separately (make the field a pointer, `inner *Inner`).',
  },
  FG005: {
    problem:
      'The finalizer must be a function of exactly one parameter to which the object can be assigned (`*T`, or an interface that `*T` implements); its results are ignored. Anything else makes runtime.SetFinalizer abort the whole program with a fatal error such as "runtime.SetFinalizer: cannot pass *T to finalizer func() error"; `recover` cannot catch it. A method value such as `x.Close`, for a method without parameters, has its receiver already bound and takes no argument, so it always fails.',
    fix: 'Fix: pass a function literal, `func(x *T) { x.Close() }`, or the method expression `(*T).Close`, whose first parameter is the receiver. Make the parameter type the type of the object or an interface it implements.',
  },
  FG006: {
    problem:
      'runtime.AddCleanup(ptr, cleanup, arg) calls cleanup(arg) after ptr becomes unreachable. Here ptr stays reachable from the cleanup itself: `arg` is ptr or leads to it, or `cleanup` is a closure that captures ptr (or something that holds it), or a method value bound to it (`c.destroy`). The runtime keeps cleanup and arg alive, so ptr is never collected and the cleanup never runs. (AddCleanup panics when arg is ptr; since Go 1.26 it also panics when arg points inside ptr or the cleanup\'s own closure holds ptr, which on earlier releases leak silently.)',
    fix: 'Fix: pass as `arg` only what the cleanup has to release (a file descriptor, a C pointer, a small handle struct that does not point back), and write the cleanup as a function of that value: `runtime.AddCleanup(f, func(fd int) { syscall.Close(fd) }, f.fd)`. Cycles among objects are fine for AddCleanup; only reachability from cleanup and arg matters.',
  },
  FG007: {
    problem:
      'This finalizer or cleanup may never run. Objects allocated for package-level variables may be placed by the linker rather than on the heap, and live as long as the program; zero-size objects (`struct{}`, `[0]int`) can share one address with other zero-size values; tiny pointer-free objects (smaller than 16 bytes) are packed together into shared blocks, and a block is freed only when every object in it is dead; and an object that a package-level variable still reaches (a registry, a cache) is never unreachable at all. In none of these cases does the runtime promise to run the finalizer, and `runtime.AddCleanup` is subject to the same (measured on Go 1.26: no cleanup ran on tiny objects kept beside live ones); no finalizer or cleanup runs when the program exits.',
    fix: 'Fix: do not rely on the finalizer or cleanup here. Release the resource explicitly (a Close method, `defer`). If one is still wanted as a safety net, allocate the object at run time (not in a package-level initializer) and give it a pointer field or a size of at least 16 bytes.',
  },
  FG008: {
    problem:
      'An object can have only one finalizer. This call sets a finalizer on an object whose finalizer an earlier call already set, and nothing removes that one in between, so runtime.SetFinalizer aborts the whole program with the fatal error "runtime.SetFinalizer: finalizer already set"; `recover` cannot catch it. It often happens when a constructor sets a finalizer and its caller, unaware, sets another.',
    fix: 'Fix: set the finalizer in one place only, usually where the object is made, and let that one finalizer release everything. To replace a finalizer, remove the old one first with `runtime.SetFinalizer(x, nil)`.',
    cleanup: {
      available: 'With Go 1.24 or later, `runtime.AddCleanup` may be called any number of times on one object, each cleanup releasing one resource.',
      unavailable: 'Go 1.24 added `runtime.AddCleanup`, which may be called any number of times on one object; it is not suggested here because this code does not declare Go 1.24 or later.',
    },
  },
  FG009: {
    problem:
      'Go tracks liveness precisely: an object may become unreachable right after its last use in a function, even in the middle of a call that still works with a value read out of it. Here a call is handed a field of the object (a file descriptor, a C pointer, a handle) but not the object, and the function does not use the object after the call, so the garbage collector may run the finalizer or cleanup during the call, and it releases the resource the call is using: a closed or reused descriptor, freed C memory, a connection closed mid-request. The same happens when the finalizer or cleanup is set on an object that nothing keeps once the function that made it returns, while what it releases is kept: it runs at the next collection.',
    fix: 'Fix: call `runtime.KeepAlive(x)` right after the call, which keeps x reachable until that point; or pass x itself where the callee can keep it (cgo keeps Go pointers passed to C alive for the call). For a method promoted from an embedded field, declare the method on the wrapper and end it with `runtime.KeepAlive`. For an object that nothing keeps, set the finalizer on the object the callers keep (the one returned or stored), or store the finalized object in it.',
  },
};

const ru: Catalog = {
  FG000: {
    problem:
      'finalizer-guard не смог проанализировать часть этого кода по причине, названной в сообщении: синтаксическая ошибка, которую не примет и компилятор Go; файл, который нельзя прочитать как исходный код Go (пустой, двоичный, не в UTF-8, слишком большой, недоступный для чтения); ограничения сборки, которым не удовлетворяет ни одна из проверяемых целей; или функция, анализ которой достиг предела глубины или объёма работы (`analysis bounded here`). Находки в этой части могут быть пропущены или указывать не туда.',
    fix: 'Исправление: исправьте синтаксическую ошибку (их перечислит `gofmt -e` или `go vet`) и запустите проверку снова; файлу, который и не должен компилироваться (шаблон, входные данные тестов), место в каталоге testdata/, который пропускается, или вне проверяемых путей. Предел анализа не означает ошибки в коде: часть после него не просмотрена, поэтому проверьте её вручную на проблемы, которые описывают другие правила, или разделите функцию, чтобы каждая часть анализировалась целиком.',
  },
  FG001: {
    problem:
      'Объект, переданный в runtime.SetFinalizer, входит в цикл ссылок, который проходит хотя бы через один другой объект в куче. Пока финализатор не выполнен, сборщик мусора сохраняет всё, на что ссылается объект с финализатором; если объект достижим из самого себя через другой объект, он удерживает сам себя: финализатор не запускается никогда, и ни один объект цикла не освобождается. Это случай из примера статьи с foo и bar (foo.bar = bar; bar.foo = foo).',
    quotes: articleQuotes.ru.sentences,
    fix: 'Исправление: разорвите цикл или выведите из него финализатор. Храните ресурс (файловый дескриптор, указатель C) в небольшой внутренней структуре, которая не ссылается обратно, и ставьте финализатор на неё; внешние объекты тогда могут образовывать циклы без вреда. Так, как показано в статье, делает стандартная библиотека в os.newFile: `runtime.SetFinalizer(f.file, (*file).close)`. Другой путь — обнулить обратную ссылку (`bar.foo = nil`) до того, как пропадёт последняя ссылка на объект. В любом случае лучше освобождать ресурс явным методом Close, а финализатор оставить только как страховку.',
    cleanup: cycleCleanup.ru,
  },
  FG002: {
    problem:
      'В проанализированном коде цикл не строится, но тип объекта может ссылаться сам на себя через поля, несущие ссылки (указатели, срезы, массивы, map, каналы и аргументы типов вроде `atomic.Pointer[T]`, а также поля с интерфейсом, объявленным в пакете, через типы пакета, которые его реализуют; что хранит поле-функция или поле с интерфейсом другого пакета, по типу не видно, поэтому такие поля не рассматриваются). Если где-то такие значения свяжутся в цикл через другой объект, финализатор не запустится никогда, а память цикла не освободится. Прямой указатель на себя (`x.self = x`) безвреден: сборщик мусора пропускает указатели внутрь самого объекта.',
    quotes: articleQuotes.ru.sentences,
    fix: 'Исправление: убедитесь, что значения этого типа никогда не образуют такой цикл. Если могут, перенесите финализатор на небольшую внутреннюю структуру, которая хранит только ресурс и ни на что не ссылается обратно, как в os.newFile: `runtime.SetFinalizer(f.file, (*file).close)`. Если не могут (поле всегда nil или указывает на другие объекты), подавите это предупреждение с указанием причины: `//finalizer-guard:ignore FG002 <причина>`.',
    cleanup: cycleCleanup.ru,
  },
  FG003: {
    problem:
      'Сама функция-финализатор удерживает объект достижимым: это замыкание, захватившее объект (или переменную, которая на него ссылается), значение-метод, привязанное к объекту (`x.fin`), или значение-метод другого объекта, из которого достижим этот. Runtime хранит функцию-финализатор, пока финализатор установлен, поэтому объект никогда не становится недостижимым: финализатор не запускается, и память не освобождается.',
    fix: 'Исправление: используйте аргумент, который runtime передаёт финализатору, а не захваченную переменную: `runtime.SetFinalizer(x, func(x *T) { x.release() })` или выражение-метод `runtime.SetFinalizer(x, (*T).release)`. Если финализатору нужны другие значения, скопируйте их в локальные переменные, которые не ведут обратно к объекту, и захватывайте только их.',
    cleanup: {
      available:
        'Начиная с Go 1.24 это разделение делает явным `runtime.AddCleanup(x, func(h *handle) { h.close() }, x.h)`: cleanup-функция получает только нужное ей значение, и оно не должно ссылаться обратно на `x`.',
      unavailable:
        'В Go 1.24 появился `runtime.AddCleanup`, который передаёт cleanup-функции только нужное ей значение; здесь он не предлагается, потому что код не объявляет Go 1.24 или новее.',
    },
  },
  FG004: {
    problem:
      'runtime.SetFinalizer требует указатель на начало выделенного объекта (полученный через `new(T)`, `&T{...}` или `&v` для переменной). Значение структуры, любое другое значение не-указатель (в том числе внутри интерфейсной переменной: runtime смотрит, что лежит в интерфейсе), nil-указатель (`var x *T` без присваивания, `(*T)(nil)`) или указатель внутрь объекта (`&s.inner`) аварийно завершают всю программу с фатальной ошибкой «runtime.SetFinalizer: first argument is T, not pointer», «pointer not in allocated block» или «pointer not at beginning of allocated block»; `recover` её не перехватывает. `&p` для переменной-указателя `p` принимается, но финализатор ставится на саму переменную, которая перестаёт быть нужной, как только функция с ней закончила: финализатор запускается сразу, а объект, на который указывает p, продолжает жить. Первый же пример статьи (`str := CString{...}; runtime.SetFinalizer(str, ...)`) передаёт значение структуры и завершился бы именно так.',
    fix: 'Исправление: создавайте объект через `&T{...}` (или `new(T)`), храните и возвращайте этот указатель и передавайте его в SetFinalizer: `runtime.SetFinalizer(p, ...)`, а не `&p`. Если речь о части объекта, ставьте финализатор на весь объект или выделите часть отдельно (сделайте поле указателем, `inner *Inner`).',
  },
  FG005: {
    problem:
      'Финализатор должен быть функцией ровно одного параметра, которому можно присвоить объект (`*T` или интерфейс, который реализует `*T`); возвращаемые значения игнорируются. Всё остальное аварийно завершает всю программу с фатальной ошибкой вида «runtime.SetFinalizer: cannot pass *T to finalizer func() error»; `recover` её не перехватывает. Значение-метод вроде `x.Close` для метода без параметров уже привязано к получателю и не принимает аргументов, поэтому всегда приводит к этой ошибке.',
    fix: 'Исправление: передайте функциональный литерал `func(x *T) { x.Close() }` или выражение-метод `(*T).Close`, у которого первый параметр — получатель. Тип параметра должен быть типом объекта или интерфейсом, который тот реализует.',
  },
  FG006: {
    problem:
      'runtime.AddCleanup(ptr, cleanup, arg) вызывает cleanup(arg) после того, как ptr станет недостижимым. Здесь ptr остаётся достижимым из самой cleanup-функции: `arg` — это ptr или ведёт к нему, либо `cleanup` — замыкание, захватившее ptr (или то, что на него ссылается), либо значение-метод, привязанное к нему (`c.destroy`). Runtime удерживает cleanup и arg, поэтому ptr никогда не собирается, и cleanup не запускается. (Если передать в arg сам ptr, AddCleanup паникует; начиная с Go 1.26 он паникует и тогда, когда arg указывает внутрь ptr или замыкание cleanup-функции само держит ptr, а в более ранних версиях это тихая утечка.)',
    fix: 'Исправление: передавайте в `arg` только то, что cleanup-функция должна освободить (файловый дескриптор, указатель C, небольшую структуру-дескриптор без обратных ссылок), и пишите cleanup как функцию от этого значения: `runtime.AddCleanup(f, func(fd int) { syscall.Close(fd) }, f.fd)`. Циклы между объектами для AddCleanup не страшны; важно лишь, чтобы ptr не был достижим из cleanup и arg.',
  },
  FG007: {
    problem:
      'Этот финализатор или cleanup-функция могут не запуститься никогда. Объекты, созданные для переменных уровня пакета, компоновщик может разместить вне кучи, и живут они столько же, сколько программа; объекты нулевого размера (`struct{}`, `[0]int`) могут делить один адрес с другими значениями нулевого размера; крошечные объекты без указателей (меньше 16 байт) упаковываются вместе в общие блоки, а блок освобождается, только когда мертвы все объекты в нём; а объект, до которого ещё можно добраться из переменной уровня пакета (реестра, кэша), вообще не становится недостижимым. Ни в одном из этих случаев runtime не обещает запустить финализатор, и `runtime.AddCleanup` подчиняется тому же (измерено на Go 1.26: ни одна cleanup-функция крошечных объектов рядом с живыми не запустилась); при завершении программы ни финализаторы, ни cleanup-функции не запускаются.',
    fix: 'Исправление: не полагайтесь здесь ни на финализатор, ни на cleanup-функцию. Освобождайте ресурс явно (метод Close, `defer`). Если страховка всё же нужна, создавайте объект во время работы программы (не в инициализаторе переменной уровня пакета) и дайте ему поле-указатель или размер не меньше 16 байт.',
  },
  FG008: {
    problem:
      'У объекта может быть только один финализатор. Этот вызов ставит финализатор на объект, которому более ранний вызов уже поставил свой, и между ними его никто не снимает, поэтому runtime.SetFinalizer аварийно завершает всю программу с фатальной ошибкой «runtime.SetFinalizer: finalizer already set»; `recover` её не перехватывает. Так часто бывает, когда финализатор ставит конструктор, а вызывающий код, не зная об этом, ставит ещё один.',
    fix: 'Исправление: ставьте финализатор в одном месте, обычно там, где создаётся объект, и пусть этот единственный финализатор освобождает всё. Чтобы заменить финализатор, сначала снимите прежний: `runtime.SetFinalizer(x, nil)`.',
    cleanup: {
      available: 'Начиная с Go 1.24 `runtime.AddCleanup` можно вызывать для одного объекта сколько угодно раз, и каждая cleanup-функция освобождает свой ресурс.',
      unavailable: 'В Go 1.24 появился `runtime.AddCleanup`, который можно вызывать для одного объекта сколько угодно раз; здесь он не предлагается, потому что код не объявляет Go 1.24 или новее.',
    },
  },
  FG009: {
    problem:
      'Go отслеживает живость объектов точно: объект может стать недостижимым сразу после последнего использования в функции, даже посреди вызова, который ещё работает со значением, прочитанным из него. Здесь вызову передаётся поле объекта (файловый дескриптор, указатель C, хэндл), но не сам объект, и после вызова функция объект не использует, поэтому сборщик мусора может запустить финализатор или cleanup-функцию во время вызова, и она освободит ресурс, с которым вызов работает: закрытый или переиспользованный дескриптор, освобождённая память C, соединение, закрытое посреди запроса. То же происходит, когда финализатор или cleanup-функция назначены объекту, который никто не удерживает после возврата из создавшей его функции, а то, что она освобождает, удерживается: она сработает при следующей сборке мусора.',
    fix: 'Исправление: вызовите `runtime.KeepAlive(x)` сразу после вызова — это удерживает x достижимым до этой точки; или передайте сам x туда, где вызываемый код может его удержать (cgo удерживает переданные в C указатели Go на время вызова). Для метода, продвинутого из встроенного поля, объявите метод у обёртки и завершите его `runtime.KeepAlive`. Для объекта, который никто не удерживает, назначьте финализатор объекту, который удерживают вызывающие (тому, что возвращается или сохраняется), или сохраните финализируемый объект в нём.',
  },
};

const catalogs: Record<Lang, Catalog> = { en, ru };

/** True when goVersion ("1.24", "go1.25.1") is at least 1.24, where AddCleanup and weak exist. */
export function hasCleanups(goVersion: string | undefined): boolean {
  const release = parseGoRelease(goVersion);
  return release !== undefined && releaseAtLeast(release, [1, 24]);
}

function texts(ruleId: string, lang: Lang): RuleTexts {
  const found = catalogs[lang][ruleId];
  if (!found) throw new Error(`no remediation for rule ${ruleId}`);
  return found;
}

type Paragraph = { kind: 'text' | 'quote'; text: string };

function paragraphs(ruleId: string, options: RemediationOptions): Paragraph[] {
  const rule = texts(ruleId, options.lang);
  const out: Paragraph[] = [{ kind: 'text', text: rule.problem }];
  if (rule.quotes) {
    out.push({ kind: 'text', text: articleQuotes[options.lang].intro });
    for (const quote of rule.quotes) out.push({ kind: 'quote', text: quote });
  }
  out.push({ kind: 'text', text: rule.fix });
  if (rule.cleanup) {
    out.push({ kind: 'text', text: hasCleanups(options.goVersion) ? rule.cleanup.available : rule.cleanup.unavailable });
  }
  return out;
}

/** The paragraph that says what goes wrong at run time (SARIF fullDescription). */
export function ruleExplanation(ruleId: string, lang: Lang): string {
  return texts(ruleId, lang).problem;
}

/** Plain-text remediation: paragraphs separated by blank lines, article quotes in quotation marks. */
export function remediation(ruleId: string, options: RemediationOptions): string {
  const [open, close] = options.lang === 'ru' ? ['«', '»'] : ['"', '"'];
  return paragraphs(ruleId, options)
    .map((p) => (p.kind === 'quote' ? open + p.text + close : p.text))
    .join('\n\n');
}

/** The same remediation as Markdown, article quotes as block quotes (SARIF help.markdown, docs). */
export function remediationMarkdown(ruleId: string, options: RemediationOptions): string {
  const blocks: string[] = [];
  for (const p of paragraphs(ruleId, options)) {
    const previous = blocks.length - 1;
    // Consecutive quoted paragraphs share one block quote.
    if (p.kind === 'quote' && blocks[previous]?.startsWith('> ')) blocks[previous] += `\n>\n> ${p.text}`;
    else blocks.push(p.kind === 'quote' ? `> ${p.text}` : p.text);
  }
  return blocks.join('\n\n');
}
