import { fileURLToPath as __fgToPath } from 'node:url';
const __filename = __fgToPath(import.meta.url);
const __dirname = __fgToPath(new URL('.', import.meta.url));
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 551:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {


var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name2 in all)
    __defProp(target, name2, { get: all[name2], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// lib/web-tree-sitter.cjs
var require_web_tree_sitter = __commonJS({
  "lib/web-tree-sitter.cjs"(exports, module) {
    "use strict";
    var Module = (() => {
      var _scriptName = typeof document != "undefined" ? document.currentScript?.src : void 0;
      return async function(moduleArg = {}) {
        var moduleRtn;
        var Module = moduleArg;
        var ENVIRONMENT_IS_WEB = typeof window == "object";
        var ENVIRONMENT_IS_WORKER = typeof WorkerGlobalScope != "undefined";
        var ENVIRONMENT_IS_NODE = typeof process == "object" && process.versions?.node && process.type != "renderer";
        Module.currentQueryProgressCallback = null;
        Module.currentProgressCallback = null;
        Module.currentLogCallback = null;
        Module.currentParseCallback = null;
        var arguments_ = [];
        var thisProgram = "./this.program";
        var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
          throw toThrow;
        }, "quit_");
        if (typeof __filename != "undefined") {
          _scriptName = __filename;
        } else if (ENVIRONMENT_IS_WORKER) {
          _scriptName = self.location.href;
        }
        var scriptDirectory = "";
        function locateFile(path) {
          if (Module["locateFile"]) {
            return Module["locateFile"](path, scriptDirectory);
          }
          return scriptDirectory + path;
        }
        __name(locateFile, "locateFile");
        var readAsync, readBinary;
        if (ENVIRONMENT_IS_NODE) {
          var fs = __nccwpck_require__(896);
          scriptDirectory = __dirname + "/";
          readBinary = /* @__PURE__ */ __name((filename) => {
            filename = isFileURI(filename) ? new URL(filename) : filename;
            var ret = fs.readFileSync(filename);
            return ret;
          }, "readBinary");
          readAsync = /* @__PURE__ */ __name(async (filename, binary2 = true) => {
            filename = isFileURI(filename) ? new URL(filename) : filename;
            var ret = fs.readFileSync(filename, binary2 ? void 0 : "utf8");
            return ret;
          }, "readAsync");
          if (process.argv.length > 1) {
            thisProgram = process.argv[1].replace(/\\/g, "/");
          }
          arguments_ = process.argv.slice(2);
          quit_ = /* @__PURE__ */ __name((status, toThrow) => {
            process.exitCode = status;
            throw toThrow;
          }, "quit_");
        } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
          try {
            scriptDirectory = new URL(".", _scriptName).href;
          } catch {
          }
          {
            if (ENVIRONMENT_IS_WORKER) {
              readBinary = /* @__PURE__ */ __name((url) => {
                var xhr = new XMLHttpRequest();
                xhr.open("GET", url, false);
                xhr.responseType = "arraybuffer";
                xhr.send(null);
                return new Uint8Array(
                  /** @type{!ArrayBuffer} */
                  xhr.response
                );
              }, "readBinary");
            }
            readAsync = /* @__PURE__ */ __name(async (url) => {
              if (isFileURI(url)) {
                return new Promise((resolve, reject) => {
                  var xhr = new XMLHttpRequest();
                  xhr.open("GET", url, true);
                  xhr.responseType = "arraybuffer";
                  xhr.onload = () => {
                    if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
                      resolve(xhr.response);
                      return;
                    }
                    reject(xhr.status);
                  };
                  xhr.onerror = reject;
                  xhr.send(null);
                });
              }
              var response = await fetch(url, {
                credentials: "same-origin"
              });
              if (response.ok) {
                return response.arrayBuffer();
              }
              throw new Error(response.status + " : " + response.url);
            }, "readAsync");
          }
        } else {
        }
        var out = console.log.bind(console);
        var err = console.error.bind(console);
        var dynamicLibraries = [];
        var wasmBinary;
        var ABORT = false;
        var EXITSTATUS;
        var isFileURI = /* @__PURE__ */ __name((filename) => filename.startsWith("file://"), "isFileURI");
        var readyPromiseResolve, readyPromiseReject;
        var wasmMemory;
        var HEAP8, HEAPU8, HEAP16, HEAPU16, HEAP32, HEAPU32, HEAPF32, HEAPF64;
        var HEAP64, HEAPU64;
        var HEAP_DATA_VIEW;
        var runtimeInitialized = false;
        function updateMemoryViews() {
          var b = wasmMemory.buffer;
          Module["HEAP8"] = HEAP8 = new Int8Array(b);
          Module["HEAP16"] = HEAP16 = new Int16Array(b);
          Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
          Module["HEAPU16"] = HEAPU16 = new Uint16Array(b);
          Module["HEAP32"] = HEAP32 = new Int32Array(b);
          Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
          Module["HEAPF32"] = HEAPF32 = new Float32Array(b);
          Module["HEAPF64"] = HEAPF64 = new Float64Array(b);
          Module["HEAP64"] = HEAP64 = new BigInt64Array(b);
          Module["HEAPU64"] = HEAPU64 = new BigUint64Array(b);
          Module["HEAP_DATA_VIEW"] = HEAP_DATA_VIEW = new DataView(b);
          LE_HEAP_UPDATE();
        }
        __name(updateMemoryViews, "updateMemoryViews");
        function initMemory() {
          if (Module["wasmMemory"]) {
            wasmMemory = Module["wasmMemory"];
          } else {
            var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 33554432;
            wasmMemory = new WebAssembly.Memory({
              "initial": INITIAL_MEMORY / 65536,
              // In theory we should not need to emit the maximum if we want "unlimited"
              // or 4GB of memory, but VMs error on that atm, see
              // https://github.com/emscripten-core/emscripten/issues/14130
              // And in the pthreads case we definitely need to emit a maximum. So
              // always emit one.
              "maximum": 32768
            });
          }
          updateMemoryViews();
        }
        __name(initMemory, "initMemory");
        var __RELOC_FUNCS__ = [];
        function preRun() {
          if (Module["preRun"]) {
            if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
            while (Module["preRun"].length) {
              addOnPreRun(Module["preRun"].shift());
            }
          }
          callRuntimeCallbacks(onPreRuns);
        }
        __name(preRun, "preRun");
        function initRuntime() {
          runtimeInitialized = true;
          callRuntimeCallbacks(__RELOC_FUNCS__);
          wasmExports["__wasm_call_ctors"]();
          callRuntimeCallbacks(onPostCtors);
        }
        __name(initRuntime, "initRuntime");
        function preMain() {
        }
        __name(preMain, "preMain");
        function postRun() {
          if (Module["postRun"]) {
            if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
            while (Module["postRun"].length) {
              addOnPostRun(Module["postRun"].shift());
            }
          }
          callRuntimeCallbacks(onPostRuns);
        }
        __name(postRun, "postRun");
        function abort(what) {
          Module["onAbort"]?.(what);
          what = "Aborted(" + what + ")";
          err(what);
          ABORT = true;
          what += ". Build with -sASSERTIONS for more info.";
          var e = new WebAssembly.RuntimeError(what);
          readyPromiseReject?.(e);
          throw e;
        }
        __name(abort, "abort");
        var wasmBinaryFile;
        function findWasmBinary() {
          return locateFile("web-tree-sitter.wasm");
        }
        __name(findWasmBinary, "findWasmBinary");
        function getBinarySync(file) {
          if (file == wasmBinaryFile && wasmBinary) {
            return new Uint8Array(wasmBinary);
          }
          if (readBinary) {
            return readBinary(file);
          }
          throw "both async and sync fetching of the wasm failed";
        }
        __name(getBinarySync, "getBinarySync");
        async function getWasmBinary(binaryFile) {
          if (!wasmBinary) {
            try {
              var response = await readAsync(binaryFile);
              return new Uint8Array(response);
            } catch {
            }
          }
          return getBinarySync(binaryFile);
        }
        __name(getWasmBinary, "getWasmBinary");
        async function instantiateArrayBuffer(binaryFile, imports) {
          try {
            var binary2 = await getWasmBinary(binaryFile);
            var instance2 = await WebAssembly.instantiate(binary2, imports);
            return instance2;
          } catch (reason) {
            err(`failed to asynchronously prepare wasm: ${reason}`);
            abort(reason);
          }
        }
        __name(instantiateArrayBuffer, "instantiateArrayBuffer");
        async function instantiateAsync(binary2, binaryFile, imports) {
          if (!binary2 && !isFileURI(binaryFile) && !ENVIRONMENT_IS_NODE) {
            try {
              var response = fetch(binaryFile, {
                credentials: "same-origin"
              });
              var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
              return instantiationResult;
            } catch (reason) {
              err(`wasm streaming compile failed: ${reason}`);
              err("falling back to ArrayBuffer instantiation");
            }
          }
          return instantiateArrayBuffer(binaryFile, imports);
        }
        __name(instantiateAsync, "instantiateAsync");
        function getWasmImports() {
          return {
            "env": wasmImports,
            "wasi_snapshot_preview1": wasmImports,
            "GOT.mem": new Proxy(wasmImports, GOTHandler),
            "GOT.func": new Proxy(wasmImports, GOTHandler)
          };
        }
        __name(getWasmImports, "getWasmImports");
        async function createWasm() {
          function receiveInstance(instance2, module2) {
            wasmExports = instance2.exports;
            wasmExports = relocateExports(wasmExports, 1024);
            var metadata2 = getDylinkMetadata(module2);
            if (metadata2.neededDynlibs) {
              dynamicLibraries = metadata2.neededDynlibs.concat(dynamicLibraries);
            }
            mergeLibSymbols(wasmExports, "main");
            LDSO.init();
            loadDylibs();
            __RELOC_FUNCS__.push(wasmExports["__wasm_apply_data_relocs"]);
            assignWasmExports(wasmExports);
            return wasmExports;
          }
          __name(receiveInstance, "receiveInstance");
          function receiveInstantiationResult(result2) {
            return receiveInstance(result2["instance"], result2["module"]);
          }
          __name(receiveInstantiationResult, "receiveInstantiationResult");
          var info2 = getWasmImports();
          if (Module["instantiateWasm"]) {
            return new Promise((resolve, reject) => {
              Module["instantiateWasm"](info2, (mod, inst) => {
                resolve(receiveInstance(mod, inst));
              });
            });
          }
          wasmBinaryFile ??= findWasmBinary();
          var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
          var exports2 = receiveInstantiationResult(result);
          return exports2;
        }
        __name(createWasm, "createWasm");
        class ExitStatus {
          static {
            __name(this, "ExitStatus");
          }
          name = "ExitStatus";
          constructor(status) {
            this.message = `Program terminated with exit(${status})`;
            this.status = status;
          }
        }
        var GOT = {};
        var currentModuleWeakSymbols = /* @__PURE__ */ new Set([]);
        var GOTHandler = {
          get(obj, symName) {
            var rtn = GOT[symName];
            if (!rtn) {
              rtn = GOT[symName] = new WebAssembly.Global({
                "value": "i32",
                "mutable": true
              });
            }
            if (!currentModuleWeakSymbols.has(symName)) {
              rtn.required = true;
            }
            return rtn;
          }
        };
        var LE_ATOMICS_NATIVE_BYTE_ORDER = [];
        var LE_HEAP_LOAD_F32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat32(byteOffset, true), "LE_HEAP_LOAD_F32");
        var LE_HEAP_LOAD_F64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat64(byteOffset, true), "LE_HEAP_LOAD_F64");
        var LE_HEAP_LOAD_I16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt16(byteOffset, true), "LE_HEAP_LOAD_I16");
        var LE_HEAP_LOAD_I32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt32(byteOffset, true), "LE_HEAP_LOAD_I32");
        var LE_HEAP_LOAD_I64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getBigInt64(byteOffset, true), "LE_HEAP_LOAD_I64");
        var LE_HEAP_LOAD_U32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint32(byteOffset, true), "LE_HEAP_LOAD_U32");
        var LE_HEAP_STORE_F32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat32(byteOffset, value, true), "LE_HEAP_STORE_F32");
        var LE_HEAP_STORE_F64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat64(byteOffset, value, true), "LE_HEAP_STORE_F64");
        var LE_HEAP_STORE_I16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt16(byteOffset, value, true), "LE_HEAP_STORE_I16");
        var LE_HEAP_STORE_I32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt32(byteOffset, value, true), "LE_HEAP_STORE_I32");
        var LE_HEAP_STORE_I64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setBigInt64(byteOffset, value, true), "LE_HEAP_STORE_I64");
        var LE_HEAP_STORE_U32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint32(byteOffset, value, true), "LE_HEAP_STORE_U32");
        var callRuntimeCallbacks = /* @__PURE__ */ __name((callbacks) => {
          while (callbacks.length > 0) {
            callbacks.shift()(Module);
          }
        }, "callRuntimeCallbacks");
        var onPostRuns = [];
        var addOnPostRun = /* @__PURE__ */ __name((cb) => onPostRuns.push(cb), "addOnPostRun");
        var onPreRuns = [];
        var addOnPreRun = /* @__PURE__ */ __name((cb) => onPreRuns.push(cb), "addOnPreRun");
        var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder() : void 0;
        var findStringEnd = /* @__PURE__ */ __name((heapOrArray, idx, maxBytesToRead, ignoreNul) => {
          var maxIdx = idx + maxBytesToRead;
          if (ignoreNul) return maxIdx;
          while (heapOrArray[idx] && !(idx >= maxIdx)) ++idx;
          return idx;
        }, "findStringEnd");
        var UTF8ArrayToString = /* @__PURE__ */ __name((heapOrArray, idx = 0, maxBytesToRead, ignoreNul) => {
          var endPtr = findStringEnd(heapOrArray, idx, maxBytesToRead, ignoreNul);
          if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
            return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
          }
          var str = "";
          while (idx < endPtr) {
            var u0 = heapOrArray[idx++];
            if (!(u0 & 128)) {
              str += String.fromCharCode(u0);
              continue;
            }
            var u1 = heapOrArray[idx++] & 63;
            if ((u0 & 224) == 192) {
              str += String.fromCharCode((u0 & 31) << 6 | u1);
              continue;
            }
            var u2 = heapOrArray[idx++] & 63;
            if ((u0 & 240) == 224) {
              u0 = (u0 & 15) << 12 | u1 << 6 | u2;
            } else {
              u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
            }
            if (u0 < 65536) {
              str += String.fromCharCode(u0);
            } else {
              var ch = u0 - 65536;
              str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
            }
          }
          return str;
        }, "UTF8ArrayToString");
        var getDylinkMetadata = /* @__PURE__ */ __name((binary2) => {
          var offset = 0;
          var end = 0;
          function getU8() {
            return binary2[offset++];
          }
          __name(getU8, "getU8");
          function getLEB() {
            var ret = 0;
            var mul = 1;
            while (1) {
              var byte = binary2[offset++];
              ret += (byte & 127) * mul;
              mul *= 128;
              if (!(byte & 128)) break;
            }
            return ret;
          }
          __name(getLEB, "getLEB");
          function getString() {
            var len = getLEB();
            offset += len;
            return UTF8ArrayToString(binary2, offset - len, len);
          }
          __name(getString, "getString");
          function getStringList() {
            var count2 = getLEB();
            var rtn = [];
            while (count2--) rtn.push(getString());
            return rtn;
          }
          __name(getStringList, "getStringList");
          function failIf(condition, message) {
            if (condition) throw new Error(message);
          }
          __name(failIf, "failIf");
          if (binary2 instanceof WebAssembly.Module) {
            var dylinkSection = WebAssembly.Module.customSections(binary2, "dylink.0");
            failIf(dylinkSection.length === 0, "need dylink section");
            binary2 = new Uint8Array(dylinkSection[0]);
            end = binary2.length;
          } else {
            var int32View = new Uint32Array(new Uint8Array(binary2.subarray(0, 24)).buffer);
            var magicNumberFound = int32View[0] == 1836278016 || int32View[0] == 6386541;
            failIf(!magicNumberFound, "need to see wasm magic number");
            failIf(binary2[8] !== 0, "need the dylink section to be first");
            offset = 9;
            var section_size = getLEB();
            end = offset + section_size;
            var name2 = getString();
            failIf(name2 !== "dylink.0");
          }
          var customSection = {
            neededDynlibs: [],
            tlsExports: /* @__PURE__ */ new Set(),
            weakImports: /* @__PURE__ */ new Set(),
            runtimePaths: []
          };
          var WASM_DYLINK_MEM_INFO = 1;
          var WASM_DYLINK_NEEDED = 2;
          var WASM_DYLINK_EXPORT_INFO = 3;
          var WASM_DYLINK_IMPORT_INFO = 4;
          var WASM_DYLINK_RUNTIME_PATH = 5;
          var WASM_SYMBOL_TLS = 256;
          var WASM_SYMBOL_BINDING_MASK = 3;
          var WASM_SYMBOL_BINDING_WEAK = 1;
          while (offset < end) {
            var subsectionType = getU8();
            var subsectionSize = getLEB();
            if (subsectionType === WASM_DYLINK_MEM_INFO) {
              customSection.memorySize = getLEB();
              customSection.memoryAlign = getLEB();
              customSection.tableSize = getLEB();
              customSection.tableAlign = getLEB();
            } else if (subsectionType === WASM_DYLINK_NEEDED) {
              customSection.neededDynlibs = getStringList();
            } else if (subsectionType === WASM_DYLINK_EXPORT_INFO) {
              var count = getLEB();
              while (count--) {
                var symname = getString();
                var flags2 = getLEB();
                if (flags2 & WASM_SYMBOL_TLS) {
                  customSection.tlsExports.add(symname);
                }
              }
            } else if (subsectionType === WASM_DYLINK_IMPORT_INFO) {
              var count = getLEB();
              while (count--) {
                var modname = getString();
                var symname = getString();
                var flags2 = getLEB();
                if ((flags2 & WASM_SYMBOL_BINDING_MASK) == WASM_SYMBOL_BINDING_WEAK) {
                  customSection.weakImports.add(symname);
                }
              }
            } else if (subsectionType === WASM_DYLINK_RUNTIME_PATH) {
              customSection.runtimePaths = getStringList();
            } else {
              offset += subsectionSize;
            }
          }
          return customSection;
        }, "getDylinkMetadata");
        function getValue(ptr, type = "i8") {
          if (type.endsWith("*")) type = "*";
          switch (type) {
            case "i1":
              return HEAP8[ptr];
            case "i8":
              return HEAP8[ptr];
            case "i16":
              return LE_HEAP_LOAD_I16((ptr >> 1) * 2);
            case "i32":
              return LE_HEAP_LOAD_I32((ptr >> 2) * 4);
            case "i64":
              return LE_HEAP_LOAD_I64((ptr >> 3) * 8);
            case "float":
              return LE_HEAP_LOAD_F32((ptr >> 2) * 4);
            case "double":
              return LE_HEAP_LOAD_F64((ptr >> 3) * 8);
            case "*":
              return LE_HEAP_LOAD_U32((ptr >> 2) * 4);
            default:
              abort(`invalid type for getValue: ${type}`);
          }
        }
        __name(getValue, "getValue");
        var newDSO = /* @__PURE__ */ __name((name2, handle2, syms) => {
          var dso = {
            refcount: Infinity,
            name: name2,
            exports: syms,
            global: true
          };
          LDSO.loadedLibsByName[name2] = dso;
          if (handle2 != void 0) {
            LDSO.loadedLibsByHandle[handle2] = dso;
          }
          return dso;
        }, "newDSO");
        var LDSO = {
          loadedLibsByName: {},
          loadedLibsByHandle: {},
          init() {
            newDSO("__main__", 0, wasmImports);
          }
        };
        var ___heap_base = 82240;
        var alignMemory = /* @__PURE__ */ __name((size, alignment) => Math.ceil(size / alignment) * alignment, "alignMemory");
        var getMemory = /* @__PURE__ */ __name((size) => {
          if (runtimeInitialized) {
            return _calloc(size, 1);
          }
          var ret = ___heap_base;
          var end = ret + alignMemory(size, 16);
          ___heap_base = end;
          GOT["__heap_base"].value = end;
          return ret;
        }, "getMemory");
        var isInternalSym = /* @__PURE__ */ __name((symName) => ["__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(symName) || symName.startsWith("__em_js__"), "isInternalSym");
        var uleb128EncodeWithLen = /* @__PURE__ */ __name((arr) => {
          const n = arr.length;
          return [n % 128 | 128, n >> 7, ...arr];
        }, "uleb128EncodeWithLen");
        var wasmTypeCodes = {
          "i": 127,
          // i32
          "p": 127,
          // i32
          "j": 126,
          // i64
          "f": 125,
          // f32
          "d": 124,
          // f64
          "e": 111
        };
        var generateTypePack = /* @__PURE__ */ __name((types) => uleb128EncodeWithLen(Array.from(types, (type) => {
          var code = wasmTypeCodes[type];
          return code;
        })), "generateTypePack");
        var convertJsFunctionToWasm = /* @__PURE__ */ __name((func2, sig) => {
          var bytes = Uint8Array.of(
            0,
            97,
            115,
            109,
            // magic ("\0asm")
            1,
            0,
            0,
            0,
            // version: 1
            1,
            ...uleb128EncodeWithLen([
              1,
              // count: 1
              96,
              // param types
              ...generateTypePack(sig.slice(1)),
              // return types (for now only supporting [] if `void` and single [T] otherwise)
              ...generateTypePack(sig[0] === "v" ? "" : sig[0])
            ]),
            // The rest of the module is static
            2,
            7,
            // import section
            // (import "e" "f" (func 0 (type 0)))
            1,
            1,
            101,
            1,
            102,
            0,
            0,
            7,
            5,
            // export section
            // (export "f" (func 0 (type 0)))
            1,
            1,
            102,
            0,
            0
          );
          var module2 = new WebAssembly.Module(bytes);
          var instance2 = new WebAssembly.Instance(module2, {
            "e": {
              "f": func2
            }
          });
          var wrappedFunc = instance2.exports["f"];
          return wrappedFunc;
        }, "convertJsFunctionToWasm");
        var wasmTableMirror = [];
        var wasmTable = new WebAssembly.Table({
          "initial": 31,
          "element": "anyfunc"
        });
        var getWasmTableEntry = /* @__PURE__ */ __name((funcPtr) => {
          var func2 = wasmTableMirror[funcPtr];
          if (!func2) {
            wasmTableMirror[funcPtr] = func2 = wasmTable.get(funcPtr);
          }
          return func2;
        }, "getWasmTableEntry");
        var updateTableMap = /* @__PURE__ */ __name((offset, count) => {
          if (functionsInTableMap) {
            for (var i2 = offset; i2 < offset + count; i2++) {
              var item = getWasmTableEntry(i2);
              if (item) {
                functionsInTableMap.set(item, i2);
              }
            }
          }
        }, "updateTableMap");
        var functionsInTableMap;
        var getFunctionAddress = /* @__PURE__ */ __name((func2) => {
          if (!functionsInTableMap) {
            functionsInTableMap = /* @__PURE__ */ new WeakMap();
            updateTableMap(0, wasmTable.length);
          }
          return functionsInTableMap.get(func2) || 0;
        }, "getFunctionAddress");
        var freeTableIndexes = [];
        var getEmptyTableSlot = /* @__PURE__ */ __name(() => {
          if (freeTableIndexes.length) {
            return freeTableIndexes.pop();
          }
          return wasmTable["grow"](1);
        }, "getEmptyTableSlot");
        var setWasmTableEntry = /* @__PURE__ */ __name((idx, func2) => {
          wasmTable.set(idx, func2);
          wasmTableMirror[idx] = wasmTable.get(idx);
        }, "setWasmTableEntry");
        var addFunction = /* @__PURE__ */ __name((func2, sig) => {
          var rtn = getFunctionAddress(func2);
          if (rtn) {
            return rtn;
          }
          var ret = getEmptyTableSlot();
          try {
            setWasmTableEntry(ret, func2);
          } catch (err2) {
            if (!(err2 instanceof TypeError)) {
              throw err2;
            }
            var wrapped = convertJsFunctionToWasm(func2, sig);
            setWasmTableEntry(ret, wrapped);
          }
          functionsInTableMap.set(func2, ret);
          return ret;
        }, "addFunction");
        var updateGOT = /* @__PURE__ */ __name((exports2, replace) => {
          for (var symName in exports2) {
            if (isInternalSym(symName)) {
              continue;
            }
            var value = exports2[symName];
            GOT[symName] ||= new WebAssembly.Global({
              "value": "i32",
              "mutable": true
            });
            if (replace || GOT[symName].value == 0) {
              if (typeof value == "function") {
                GOT[symName].value = addFunction(value);
              } else if (typeof value == "number") {
                GOT[symName].value = value;
              } else {
                err(`unhandled export type for '${symName}': ${typeof value}`);
              }
            }
          }
        }, "updateGOT");
        var relocateExports = /* @__PURE__ */ __name((exports2, memoryBase2, replace) => {
          var relocated = {};
          for (var e in exports2) {
            var value = exports2[e];
            if (typeof value == "object") {
              value = value.value;
            }
            if (typeof value == "number") {
              value += memoryBase2;
            }
            relocated[e] = value;
          }
          updateGOT(relocated, replace);
          return relocated;
        }, "relocateExports");
        var isSymbolDefined = /* @__PURE__ */ __name((symName) => {
          var existing = wasmImports[symName];
          if (!existing || existing.stub) {
            return false;
          }
          return true;
        }, "isSymbolDefined");
        var dynCall = /* @__PURE__ */ __name((sig, ptr, args2 = [], promising = false) => {
          var func2 = getWasmTableEntry(ptr);
          var rtn = func2(...args2);
          function convert(rtn2) {
            return rtn2;
          }
          __name(convert, "convert");
          return convert(rtn);
        }, "dynCall");
        var stackSave = /* @__PURE__ */ __name(() => _emscripten_stack_get_current(), "stackSave");
        var stackRestore = /* @__PURE__ */ __name((val) => __emscripten_stack_restore(val), "stackRestore");
        var createInvokeFunction = /* @__PURE__ */ __name((sig) => (ptr, ...args2) => {
          var sp = stackSave();
          try {
            return dynCall(sig, ptr, args2);
          } catch (e) {
            stackRestore(sp);
            if (e !== e + 0) throw e;
            _setThrew(1, 0);
            if (sig[0] == "j") return 0n;
          }
        }, "createInvokeFunction");
        var resolveGlobalSymbol = /* @__PURE__ */ __name((symName, direct = false) => {
          var sym;
          if (isSymbolDefined(symName)) {
            sym = wasmImports[symName];
          } else if (symName.startsWith("invoke_")) {
            sym = wasmImports[symName] = createInvokeFunction(symName.split("_")[1]);
          }
          return {
            sym,
            name: symName
          };
        }, "resolveGlobalSymbol");
        var onPostCtors = [];
        var addOnPostCtor = /* @__PURE__ */ __name((cb) => onPostCtors.push(cb), "addOnPostCtor");
        var UTF8ToString = /* @__PURE__ */ __name((ptr, maxBytesToRead, ignoreNul) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead, ignoreNul) : "", "UTF8ToString");
        var loadWebAssemblyModule = /* @__PURE__ */ __name((binary, flags, libName, localScope, handle) => {
          var metadata = getDylinkMetadata(binary);
          function loadModule() {
            var memAlign = Math.pow(2, metadata.memoryAlign);
            var memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0;
            var tableBase = metadata.tableSize ? wasmTable.length : 0;
            if (handle) {
              HEAP8[handle + 8] = 1;
              LE_HEAP_STORE_U32((handle + 12 >> 2) * 4, memoryBase);
              LE_HEAP_STORE_I32((handle + 16 >> 2) * 4, metadata.memorySize);
              LE_HEAP_STORE_U32((handle + 20 >> 2) * 4, tableBase);
              LE_HEAP_STORE_I32((handle + 24 >> 2) * 4, metadata.tableSize);
            }
            if (metadata.tableSize) {
              wasmTable.grow(metadata.tableSize);
            }
            var moduleExports;
            function resolveSymbol(sym) {
              var resolved = resolveGlobalSymbol(sym).sym;
              if (!resolved && localScope) {
                resolved = localScope[sym];
              }
              if (!resolved) {
                resolved = moduleExports[sym];
              }
              return resolved;
            }
            __name(resolveSymbol, "resolveSymbol");
            var proxyHandler = {
              get(stubs, prop) {
                switch (prop) {
                  case "__memory_base":
                    return memoryBase;
                  case "__table_base":
                    return tableBase;
                }
                if (prop in wasmImports && !wasmImports[prop].stub) {
                  var res = wasmImports[prop];
                  return res;
                }
                if (!(prop in stubs)) {
                  var resolved;
                  stubs[prop] = (...args2) => {
                    resolved ||= resolveSymbol(prop);
                    return resolved(...args2);
                  };
                }
                return stubs[prop];
              }
            };
            var proxy = new Proxy({}, proxyHandler);
            currentModuleWeakSymbols = metadata.weakImports;
            var info = {
              "GOT.mem": new Proxy({}, GOTHandler),
              "GOT.func": new Proxy({}, GOTHandler),
              "env": proxy,
              "wasi_snapshot_preview1": proxy
            };
            function postInstantiation(module, instance) {
              updateTableMap(tableBase, metadata.tableSize);
              moduleExports = relocateExports(instance.exports, memoryBase);
              if (!flags.allowUndefined) {
                reportUndefinedSymbols();
              }
              function addEmAsm(addr, body) {
                var args = [];
                var arity = 0;
                for (; arity < 16; arity++) {
                  if (body.indexOf("$" + arity) != -1) {
                    args.push("$" + arity);
                  } else {
                    break;
                  }
                }
                args = args.join(",");
                var func = `(${args}) => { ${body} };`;
                ASM_CONSTS[start] = eval(func);
              }
              __name(addEmAsm, "addEmAsm");
              if ("__start_em_asm" in moduleExports) {
                var start = moduleExports["__start_em_asm"];
                var stop = moduleExports["__stop_em_asm"];
                while (start < stop) {
                  var jsString = UTF8ToString(start);
                  addEmAsm(start, jsString);
                  start = HEAPU8.indexOf(0, start) + 1;
                }
              }
              function addEmJs(name, cSig, body) {
                var jsArgs = [];
                cSig = cSig.slice(1, -1);
                if (cSig != "void") {
                  cSig = cSig.split(",");
                  for (var i in cSig) {
                    var jsArg = cSig[i].split(" ").pop();
                    jsArgs.push(jsArg.replace("*", ""));
                  }
                }
                var func = `(${jsArgs}) => ${body};`;
                moduleExports[name] = eval(func);
              }
              __name(addEmJs, "addEmJs");
              for (var name in moduleExports) {
                if (name.startsWith("__em_js__")) {
                  var start = moduleExports[name];
                  var jsString = UTF8ToString(start);
                  var parts = jsString.split("<::>");
                  addEmJs(name.replace("__em_js__", ""), parts[0], parts[1]);
                  delete moduleExports[name];
                }
              }
              var applyRelocs = moduleExports["__wasm_apply_data_relocs"];
              if (applyRelocs) {
                if (runtimeInitialized) {
                  applyRelocs();
                } else {
                  __RELOC_FUNCS__.push(applyRelocs);
                }
              }
              var init = moduleExports["__wasm_call_ctors"];
              if (init) {
                if (runtimeInitialized) {
                  init();
                } else {
                  addOnPostCtor(init);
                }
              }
              return moduleExports;
            }
            __name(postInstantiation, "postInstantiation");
            if (flags.loadAsync) {
              return (async () => {
                var instance2;
                if (binary instanceof WebAssembly.Module) {
                  instance2 = new WebAssembly.Instance(binary, info);
                } else {
                  ({ module: binary, instance: instance2 } = await WebAssembly.instantiate(binary, info));
                }
                return postInstantiation(binary, instance2);
              })();
            }
            var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary);
            var instance = new WebAssembly.Instance(module, info);
            return postInstantiation(module, instance);
          }
          __name(loadModule, "loadModule");
          flags = {
            ...flags,
            rpath: {
              parentLibPath: libName,
              paths: metadata.runtimePaths
            }
          };
          if (flags.loadAsync) {
            return metadata.neededDynlibs.reduce((chain, dynNeeded) => chain.then(() => loadDynamicLibrary(dynNeeded, flags, localScope)), Promise.resolve()).then(loadModule);
          }
          metadata.neededDynlibs.forEach((needed) => loadDynamicLibrary(needed, flags, localScope));
          return loadModule();
        }, "loadWebAssemblyModule");
        var mergeLibSymbols = /* @__PURE__ */ __name((exports2, libName2) => {
          for (var [sym, exp] of Object.entries(exports2)) {
            const setImport = /* @__PURE__ */ __name((target) => {
              if (!isSymbolDefined(target)) {
                wasmImports[target] = exp;
              }
            }, "setImport");
            setImport(sym);
            const main_alias = "__main_argc_argv";
            if (sym == "main") {
              setImport(main_alias);
            }
            if (sym == main_alias) {
              setImport("main");
            }
          }
        }, "mergeLibSymbols");
        var asyncLoad = /* @__PURE__ */ __name(async (url) => {
          var arrayBuffer = await readAsync(url);
          return new Uint8Array(arrayBuffer);
        }, "asyncLoad");
        function loadDynamicLibrary(libName2, flags2 = {
          global: true,
          nodelete: true
        }, localScope2, handle2) {
          var dso = LDSO.loadedLibsByName[libName2];
          if (dso) {
            if (!flags2.global) {
              if (localScope2) {
                Object.assign(localScope2, dso.exports);
              }
            } else if (!dso.global) {
              dso.global = true;
              mergeLibSymbols(dso.exports, libName2);
            }
            if (flags2.nodelete && dso.refcount !== Infinity) {
              dso.refcount = Infinity;
            }
            dso.refcount++;
            if (handle2) {
              LDSO.loadedLibsByHandle[handle2] = dso;
            }
            return flags2.loadAsync ? Promise.resolve(true) : true;
          }
          dso = newDSO(libName2, handle2, "loading");
          dso.refcount = flags2.nodelete ? Infinity : 1;
          dso.global = flags2.global;
          function loadLibData() {
            if (handle2) {
              var data = LE_HEAP_LOAD_U32((handle2 + 28 >> 2) * 4);
              var dataSize = LE_HEAP_LOAD_U32((handle2 + 32 >> 2) * 4);
              if (data && dataSize) {
                var libData = HEAP8.slice(data, data + dataSize);
                return flags2.loadAsync ? Promise.resolve(libData) : libData;
              }
            }
            var libFile = locateFile(libName2);
            if (flags2.loadAsync) {
              return asyncLoad(libFile);
            }
            if (!readBinary) {
              throw new Error(`${libFile}: file not found, and synchronous loading of external files is not available`);
            }
            return readBinary(libFile);
          }
          __name(loadLibData, "loadLibData");
          function getExports() {
            if (flags2.loadAsync) {
              return loadLibData().then((libData) => loadWebAssemblyModule(libData, flags2, libName2, localScope2, handle2));
            }
            return loadWebAssemblyModule(loadLibData(), flags2, libName2, localScope2, handle2);
          }
          __name(getExports, "getExports");
          function moduleLoaded(exports2) {
            if (dso.global) {
              mergeLibSymbols(exports2, libName2);
            } else if (localScope2) {
              Object.assign(localScope2, exports2);
            }
            dso.exports = exports2;
          }
          __name(moduleLoaded, "moduleLoaded");
          if (flags2.loadAsync) {
            return getExports().then((exports2) => {
              moduleLoaded(exports2);
              return true;
            });
          }
          moduleLoaded(getExports());
          return true;
        }
        __name(loadDynamicLibrary, "loadDynamicLibrary");
        var reportUndefinedSymbols = /* @__PURE__ */ __name(() => {
          for (var [symName, entry] of Object.entries(GOT)) {
            if (entry.value == 0) {
              var value = resolveGlobalSymbol(symName, true).sym;
              if (!value && !entry.required) {
                continue;
              }
              if (typeof value == "function") {
                entry.value = addFunction(value, value.sig);
              } else if (typeof value == "number") {
                entry.value = value;
              } else {
                throw new Error(`bad export type for '${symName}': ${typeof value}`);
              }
            }
          }
        }, "reportUndefinedSymbols");
        var runDependencies = 0;
        var dependenciesFulfilled = null;
        var removeRunDependency = /* @__PURE__ */ __name((id) => {
          runDependencies--;
          Module["monitorRunDependencies"]?.(runDependencies);
          if (runDependencies == 0) {
            if (dependenciesFulfilled) {
              var callback = dependenciesFulfilled;
              dependenciesFulfilled = null;
              callback();
            }
          }
        }, "removeRunDependency");
        var addRunDependency = /* @__PURE__ */ __name((id) => {
          runDependencies++;
          Module["monitorRunDependencies"]?.(runDependencies);
        }, "addRunDependency");
        var loadDylibs = /* @__PURE__ */ __name(async () => {
          if (!dynamicLibraries.length) {
            reportUndefinedSymbols();
            return;
          }
          addRunDependency("loadDylibs");
          for (var lib of dynamicLibraries) {
            await loadDynamicLibrary(lib, {
              loadAsync: true,
              global: true,
              nodelete: true,
              allowUndefined: true
            });
          }
          reportUndefinedSymbols();
          removeRunDependency("loadDylibs");
        }, "loadDylibs");
        var noExitRuntime = true;
        function setValue(ptr, value, type = "i8") {
          if (type.endsWith("*")) type = "*";
          switch (type) {
            case "i1":
              HEAP8[ptr] = value;
              break;
            case "i8":
              HEAP8[ptr] = value;
              break;
            case "i16":
              LE_HEAP_STORE_I16((ptr >> 1) * 2, value);
              break;
            case "i32":
              LE_HEAP_STORE_I32((ptr >> 2) * 4, value);
              break;
            case "i64":
              LE_HEAP_STORE_I64((ptr >> 3) * 8, BigInt(value));
              break;
            case "float":
              LE_HEAP_STORE_F32((ptr >> 2) * 4, value);
              break;
            case "double":
              LE_HEAP_STORE_F64((ptr >> 3) * 8, value);
              break;
            case "*":
              LE_HEAP_STORE_U32((ptr >> 2) * 4, value);
              break;
            default:
              abort(`invalid type for setValue: ${type}`);
          }
        }
        __name(setValue, "setValue");
        var ___memory_base = new WebAssembly.Global({
          "value": "i32",
          "mutable": false
        }, 1024);
        var ___stack_high = 82240;
        var ___stack_low = 16704;
        var ___stack_pointer = new WebAssembly.Global({
          "value": "i32",
          "mutable": true
        }, 82240);
        var ___table_base = new WebAssembly.Global({
          "value": "i32",
          "mutable": false
        }, 1);
        var __abort_js = /* @__PURE__ */ __name(() => abort(""), "__abort_js");
        __abort_js.sig = "v";
        var getHeapMax = /* @__PURE__ */ __name(() => (
          // Stay one Wasm page short of 4GB: while e.g. Chrome is able to allocate
          // full 4GB Wasm memories, the size will wrap back to 0 bytes in Wasm side
          // for any code that deals with heap sizes, which would require special
          // casing all heap size related code to treat 0 specially.
          2147483648
        ), "getHeapMax");
        var growMemory = /* @__PURE__ */ __name((size) => {
          var oldHeapSize = wasmMemory.buffer.byteLength;
          var pages = (size - oldHeapSize + 65535) / 65536 | 0;
          try {
            wasmMemory.grow(pages);
            updateMemoryViews();
            return 1;
          } catch (e) {
          }
        }, "growMemory");
        var _emscripten_resize_heap = /* @__PURE__ */ __name((requestedSize) => {
          var oldSize = HEAPU8.length;
          requestedSize >>>= 0;
          var maxHeapSize = getHeapMax();
          if (requestedSize > maxHeapSize) {
            return false;
          }
          for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
            var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
            overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
            var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
            var replacement = growMemory(newSize);
            if (replacement) {
              return true;
            }
          }
          return false;
        }, "_emscripten_resize_heap");
        _emscripten_resize_heap.sig = "ip";
        var _fd_close = /* @__PURE__ */ __name((fd) => 52, "_fd_close");
        _fd_close.sig = "ii";
        var INT53_MAX = 9007199254740992;
        var INT53_MIN = -9007199254740992;
        var bigintToI53Checked = /* @__PURE__ */ __name((num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num), "bigintToI53Checked");
        function _fd_seek(fd, offset, whence, newOffset) {
          offset = bigintToI53Checked(offset);
          return 70;
        }
        __name(_fd_seek, "_fd_seek");
        _fd_seek.sig = "iijip";
        var printCharBuffers = [null, [], []];
        var printChar = /* @__PURE__ */ __name((stream, curr) => {
          var buffer = printCharBuffers[stream];
          if (curr === 0 || curr === 10) {
            (stream === 1 ? out : err)(UTF8ArrayToString(buffer));
            buffer.length = 0;
          } else {
            buffer.push(curr);
          }
        }, "printChar");
        var _fd_write = /* @__PURE__ */ __name((fd, iov, iovcnt, pnum) => {
          var num = 0;
          for (var i2 = 0; i2 < iovcnt; i2++) {
            var ptr = LE_HEAP_LOAD_U32((iov >> 2) * 4);
            var len = LE_HEAP_LOAD_U32((iov + 4 >> 2) * 4);
            iov += 8;
            for (var j = 0; j < len; j++) {
              printChar(fd, HEAPU8[ptr + j]);
            }
            num += len;
          }
          LE_HEAP_STORE_U32((pnum >> 2) * 4, num);
          return 0;
        }, "_fd_write");
        _fd_write.sig = "iippp";
        function _tree_sitter_log_callback(isLexMessage, messageAddress) {
          if (Module.currentLogCallback) {
            const message = UTF8ToString(messageAddress);
            Module.currentLogCallback(message, isLexMessage !== 0);
          }
        }
        __name(_tree_sitter_log_callback, "_tree_sitter_log_callback");
        function _tree_sitter_parse_callback(inputBufferAddress, index, row, column, lengthAddress) {
          const INPUT_BUFFER_SIZE = 10 * 1024;
          const string = Module.currentParseCallback(index, {
            row,
            column
          });
          if (typeof string === "string") {
            setValue(lengthAddress, string.length, "i32");
            stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);
          } else {
            setValue(lengthAddress, 0, "i32");
          }
        }
        __name(_tree_sitter_parse_callback, "_tree_sitter_parse_callback");
        function _tree_sitter_progress_callback(currentOffset, hasError) {
          if (Module.currentProgressCallback) {
            return Module.currentProgressCallback({
              currentOffset,
              hasError
            });
          }
          return false;
        }
        __name(_tree_sitter_progress_callback, "_tree_sitter_progress_callback");
        function _tree_sitter_query_progress_callback(currentOffset) {
          if (Module.currentQueryProgressCallback) {
            return Module.currentQueryProgressCallback({
              currentOffset
            });
          }
          return false;
        }
        __name(_tree_sitter_query_progress_callback, "_tree_sitter_query_progress_callback");
        var runtimeKeepaliveCounter = 0;
        var keepRuntimeAlive = /* @__PURE__ */ __name(() => noExitRuntime || runtimeKeepaliveCounter > 0, "keepRuntimeAlive");
        var _proc_exit = /* @__PURE__ */ __name((code) => {
          EXITSTATUS = code;
          if (!keepRuntimeAlive()) {
            Module["onExit"]?.(code);
            ABORT = true;
          }
          quit_(code, new ExitStatus(code));
        }, "_proc_exit");
        _proc_exit.sig = "vi";
        var exitJS = /* @__PURE__ */ __name((status, implicit) => {
          EXITSTATUS = status;
          _proc_exit(status);
        }, "exitJS");
        var handleException = /* @__PURE__ */ __name((e) => {
          if (e instanceof ExitStatus || e == "unwind") {
            return EXITSTATUS;
          }
          quit_(1, e);
        }, "handleException");
        var lengthBytesUTF8 = /* @__PURE__ */ __name((str) => {
          var len = 0;
          for (var i2 = 0; i2 < str.length; ++i2) {
            var c = str.charCodeAt(i2);
            if (c <= 127) {
              len++;
            } else if (c <= 2047) {
              len += 2;
            } else if (c >= 55296 && c <= 57343) {
              len += 4;
              ++i2;
            } else {
              len += 3;
            }
          }
          return len;
        }, "lengthBytesUTF8");
        var stringToUTF8Array = /* @__PURE__ */ __name((str, heap, outIdx, maxBytesToWrite) => {
          if (!(maxBytesToWrite > 0)) return 0;
          var startIdx = outIdx;
          var endIdx = outIdx + maxBytesToWrite - 1;
          for (var i2 = 0; i2 < str.length; ++i2) {
            var u = str.codePointAt(i2);
            if (u <= 127) {
              if (outIdx >= endIdx) break;
              heap[outIdx++] = u;
            } else if (u <= 2047) {
              if (outIdx + 1 >= endIdx) break;
              heap[outIdx++] = 192 | u >> 6;
              heap[outIdx++] = 128 | u & 63;
            } else if (u <= 65535) {
              if (outIdx + 2 >= endIdx) break;
              heap[outIdx++] = 224 | u >> 12;
              heap[outIdx++] = 128 | u >> 6 & 63;
              heap[outIdx++] = 128 | u & 63;
            } else {
              if (outIdx + 3 >= endIdx) break;
              heap[outIdx++] = 240 | u >> 18;
              heap[outIdx++] = 128 | u >> 12 & 63;
              heap[outIdx++] = 128 | u >> 6 & 63;
              heap[outIdx++] = 128 | u & 63;
              i2++;
            }
          }
          heap[outIdx] = 0;
          return outIdx - startIdx;
        }, "stringToUTF8Array");
        var stringToUTF8 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite), "stringToUTF8");
        var stackAlloc = /* @__PURE__ */ __name((sz) => __emscripten_stack_alloc(sz), "stackAlloc");
        var stringToUTF8OnStack = /* @__PURE__ */ __name((str) => {
          var size = lengthBytesUTF8(str) + 1;
          var ret = stackAlloc(size);
          stringToUTF8(str, ret, size);
          return ret;
        }, "stringToUTF8OnStack");
        var AsciiToString = /* @__PURE__ */ __name((ptr) => {
          var str = "";
          while (1) {
            var ch = HEAPU8[ptr++];
            if (!ch) return str;
            str += String.fromCharCode(ch);
          }
        }, "AsciiToString");
        var stringToUTF16 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => {
          maxBytesToWrite ??= 2147483647;
          if (maxBytesToWrite < 2) return 0;
          maxBytesToWrite -= 2;
          var startPtr = outPtr;
          var numCharsToWrite = maxBytesToWrite < str.length * 2 ? maxBytesToWrite / 2 : str.length;
          for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
            var codeUnit = str.charCodeAt(i2);
            LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
            outPtr += 2;
          }
          LE_HEAP_STORE_I16((outPtr >> 1) * 2, 0);
          return outPtr - startPtr;
        }, "stringToUTF16");
        LE_ATOMICS_NATIVE_BYTE_ORDER = new Int8Array(new Int16Array([1]).buffer)[0] === 1 ? [
          /* little endian */
          ((x) => x),
          ((x) => x),
          void 0,
          ((x) => x)
        ] : [
          /* big endian */
          ((x) => x),
          ((x) => ((x & 65280) << 8 | (x & 255) << 24) >> 16),
          void 0,
          ((x) => x >> 24 & 255 | x >> 8 & 65280 | (x & 65280) << 8 | (x & 255) << 24)
        ];
        function LE_HEAP_UPDATE() {
          HEAPU16.unsigned = ((x) => x & 65535);
          HEAPU32.unsigned = ((x) => x >>> 0);
        }
        __name(LE_HEAP_UPDATE, "LE_HEAP_UPDATE");
        {
          initMemory();
          if (Module["noExitRuntime"]) noExitRuntime = Module["noExitRuntime"];
          if (Module["print"]) out = Module["print"];
          if (Module["printErr"]) err = Module["printErr"];
          if (Module["dynamicLibraries"]) dynamicLibraries = Module["dynamicLibraries"];
          if (Module["wasmBinary"]) wasmBinary = Module["wasmBinary"];
          if (Module["arguments"]) arguments_ = Module["arguments"];
          if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
          if (Module["preInit"]) {
            if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
            while (Module["preInit"].length > 0) {
              Module["preInit"].shift()();
            }
          }
        }
        Module["setValue"] = setValue;
        Module["getValue"] = getValue;
        Module["UTF8ToString"] = UTF8ToString;
        Module["stringToUTF8"] = stringToUTF8;
        Module["lengthBytesUTF8"] = lengthBytesUTF8;
        Module["AsciiToString"] = AsciiToString;
        Module["stringToUTF16"] = stringToUTF16;
        Module["loadWebAssemblyModule"] = loadWebAssemblyModule;
        Module["LE_HEAP_STORE_I64"] = LE_HEAP_STORE_I64;
        var ASM_CONSTS = {};
        var _malloc, _calloc, _realloc, _free, _ts_range_edit, _memcmp, _ts_language_symbol_count, _ts_language_state_count, _ts_language_abi_version, _ts_language_name, _ts_language_field_count, _ts_language_next_state, _ts_language_symbol_name, _ts_language_symbol_for_name, _strncmp, _strlen, _ts_language_symbol_type, _ts_language_field_name_for_id, _ts_lookahead_iterator_new, _ts_lookahead_iterator_delete, _ts_lookahead_iterator_reset_state, _ts_lookahead_iterator_reset, _ts_lookahead_iterator_next, _ts_lookahead_iterator_current_symbol, _ts_point_edit, _ts_parser_delete, _ts_parser_reset, _ts_parser_set_language, _ts_parser_set_included_ranges, _ts_query_new, _ts_query_delete, _iswspace, _iswalnum, _ts_query_copy, _ts_query_pattern_count, _ts_query_capture_count, _ts_query_string_count, _ts_query_capture_name_for_id, _ts_query_capture_quantifier_for_id, _ts_query_string_value_for_id, _ts_query_predicates_for_pattern, _ts_query_start_byte_for_pattern, _ts_query_end_byte_for_pattern, _ts_query_is_pattern_rooted, _ts_query_is_pattern_non_local, _ts_query_is_pattern_guaranteed_at_step, _ts_query_disable_capture, _ts_query_disable_pattern, _ts_tree_copy, _ts_tree_delete, _ts_init, _ts_parser_new_wasm, _ts_parser_enable_logger_wasm, _ts_parser_parse_wasm, _ts_parser_included_ranges_wasm, _ts_language_type_is_named_wasm, _ts_language_type_is_visible_wasm, _ts_language_metadata_wasm, _ts_language_supertypes_wasm, _ts_language_subtypes_wasm, _ts_tree_root_node_wasm, _ts_tree_root_node_with_offset_wasm, _ts_tree_edit_wasm, _ts_tree_included_ranges_wasm, _ts_tree_get_changed_ranges_wasm, _ts_tree_cursor_new_wasm, _ts_tree_cursor_copy_wasm, _ts_tree_cursor_delete_wasm, _ts_tree_cursor_reset_wasm, _ts_tree_cursor_reset_to_wasm, _ts_tree_cursor_goto_first_child_wasm, _ts_tree_cursor_goto_last_child_wasm, _ts_tree_cursor_goto_first_child_for_index_wasm, _ts_tree_cursor_goto_first_child_for_position_wasm, _ts_tree_cursor_goto_next_sibling_wasm, _ts_tree_cursor_goto_previous_sibling_wasm, _ts_tree_cursor_goto_descendant_wasm, _ts_tree_cursor_goto_parent_wasm, _ts_tree_cursor_current_node_type_id_wasm, _ts_tree_cursor_current_node_state_id_wasm, _ts_tree_cursor_current_node_is_named_wasm, _ts_tree_cursor_current_node_is_missing_wasm, _ts_tree_cursor_current_node_id_wasm, _ts_tree_cursor_start_position_wasm, _ts_tree_cursor_end_position_wasm, _ts_tree_cursor_start_index_wasm, _ts_tree_cursor_end_index_wasm, _ts_tree_cursor_current_field_id_wasm, _ts_tree_cursor_current_depth_wasm, _ts_tree_cursor_current_descendant_index_wasm, _ts_tree_cursor_current_node_wasm, _ts_node_symbol_wasm, _ts_node_field_name_for_child_wasm, _ts_node_field_name_for_named_child_wasm, _ts_node_children_by_field_id_wasm, _ts_node_first_child_for_byte_wasm, _ts_node_first_named_child_for_byte_wasm, _ts_node_grammar_symbol_wasm, _ts_node_child_count_wasm, _ts_node_named_child_count_wasm, _ts_node_child_wasm, _ts_node_named_child_wasm, _ts_node_child_by_field_id_wasm, _ts_node_next_sibling_wasm, _ts_node_prev_sibling_wasm, _ts_node_next_named_sibling_wasm, _ts_node_prev_named_sibling_wasm, _ts_node_descendant_count_wasm, _ts_node_parent_wasm, _ts_node_child_with_descendant_wasm, _ts_node_descendant_for_index_wasm, _ts_node_named_descendant_for_index_wasm, _ts_node_descendant_for_position_wasm, _ts_node_named_descendant_for_position_wasm, _ts_node_start_point_wasm, _ts_node_end_point_wasm, _ts_node_start_index_wasm, _ts_node_end_index_wasm, _ts_node_to_string_wasm, _ts_node_children_wasm, _ts_node_named_children_wasm, _ts_node_descendants_of_type_wasm, _ts_node_is_named_wasm, _ts_node_has_changes_wasm, _ts_node_has_error_wasm, _ts_node_is_error_wasm, _ts_node_is_missing_wasm, _ts_node_is_extra_wasm, _ts_node_parse_state_wasm, _ts_node_next_parse_state_wasm, _ts_query_matches_wasm, _ts_query_captures_wasm, _memset, _memcpy, _memmove, _iswalpha, _iswblank, _iswdigit, _iswlower, _iswpunct, _iswupper, _iswxdigit, _memchr, _strcmp, _strncat, _strncpy, _towlower, _towupper, _setThrew, __emscripten_stack_restore, __emscripten_stack_alloc, _emscripten_stack_get_current, ___wasm_apply_data_relocs;
        function assignWasmExports(wasmExports2) {
          Module["_malloc"] = _malloc = wasmExports2["malloc"];
          Module["_calloc"] = _calloc = wasmExports2["calloc"];
          Module["_realloc"] = _realloc = wasmExports2["realloc"];
          Module["_free"] = _free = wasmExports2["free"];
          Module["_ts_range_edit"] = _ts_range_edit = wasmExports2["ts_range_edit"];
          Module["_memcmp"] = _memcmp = wasmExports2["memcmp"];
          Module["_ts_language_symbol_count"] = _ts_language_symbol_count = wasmExports2["ts_language_symbol_count"];
          Module["_ts_language_state_count"] = _ts_language_state_count = wasmExports2["ts_language_state_count"];
          Module["_ts_language_abi_version"] = _ts_language_abi_version = wasmExports2["ts_language_abi_version"];
          Module["_ts_language_name"] = _ts_language_name = wasmExports2["ts_language_name"];
          Module["_ts_language_field_count"] = _ts_language_field_count = wasmExports2["ts_language_field_count"];
          Module["_ts_language_next_state"] = _ts_language_next_state = wasmExports2["ts_language_next_state"];
          Module["_ts_language_symbol_name"] = _ts_language_symbol_name = wasmExports2["ts_language_symbol_name"];
          Module["_ts_language_symbol_for_name"] = _ts_language_symbol_for_name = wasmExports2["ts_language_symbol_for_name"];
          Module["_strncmp"] = _strncmp = wasmExports2["strncmp"];
          Module["_strlen"] = _strlen = wasmExports2["strlen"];
          Module["_ts_language_symbol_type"] = _ts_language_symbol_type = wasmExports2["ts_language_symbol_type"];
          Module["_ts_language_field_name_for_id"] = _ts_language_field_name_for_id = wasmExports2["ts_language_field_name_for_id"];
          Module["_ts_lookahead_iterator_new"] = _ts_lookahead_iterator_new = wasmExports2["ts_lookahead_iterator_new"];
          Module["_ts_lookahead_iterator_delete"] = _ts_lookahead_iterator_delete = wasmExports2["ts_lookahead_iterator_delete"];
          Module["_ts_lookahead_iterator_reset_state"] = _ts_lookahead_iterator_reset_state = wasmExports2["ts_lookahead_iterator_reset_state"];
          Module["_ts_lookahead_iterator_reset"] = _ts_lookahead_iterator_reset = wasmExports2["ts_lookahead_iterator_reset"];
          Module["_ts_lookahead_iterator_next"] = _ts_lookahead_iterator_next = wasmExports2["ts_lookahead_iterator_next"];
          Module["_ts_lookahead_iterator_current_symbol"] = _ts_lookahead_iterator_current_symbol = wasmExports2["ts_lookahead_iterator_current_symbol"];
          Module["_ts_point_edit"] = _ts_point_edit = wasmExports2["ts_point_edit"];
          Module["_ts_parser_delete"] = _ts_parser_delete = wasmExports2["ts_parser_delete"];
          Module["_ts_parser_reset"] = _ts_parser_reset = wasmExports2["ts_parser_reset"];
          Module["_ts_parser_set_language"] = _ts_parser_set_language = wasmExports2["ts_parser_set_language"];
          Module["_ts_parser_set_included_ranges"] = _ts_parser_set_included_ranges = wasmExports2["ts_parser_set_included_ranges"];
          Module["_ts_query_new"] = _ts_query_new = wasmExports2["ts_query_new"];
          Module["_ts_query_delete"] = _ts_query_delete = wasmExports2["ts_query_delete"];
          Module["_iswspace"] = _iswspace = wasmExports2["iswspace"];
          Module["_iswalnum"] = _iswalnum = wasmExports2["iswalnum"];
          Module["_ts_query_copy"] = _ts_query_copy = wasmExports2["ts_query_copy"];
          Module["_ts_query_pattern_count"] = _ts_query_pattern_count = wasmExports2["ts_query_pattern_count"];
          Module["_ts_query_capture_count"] = _ts_query_capture_count = wasmExports2["ts_query_capture_count"];
          Module["_ts_query_string_count"] = _ts_query_string_count = wasmExports2["ts_query_string_count"];
          Module["_ts_query_capture_name_for_id"] = _ts_query_capture_name_for_id = wasmExports2["ts_query_capture_name_for_id"];
          Module["_ts_query_capture_quantifier_for_id"] = _ts_query_capture_quantifier_for_id = wasmExports2["ts_query_capture_quantifier_for_id"];
          Module["_ts_query_string_value_for_id"] = _ts_query_string_value_for_id = wasmExports2["ts_query_string_value_for_id"];
          Module["_ts_query_predicates_for_pattern"] = _ts_query_predicates_for_pattern = wasmExports2["ts_query_predicates_for_pattern"];
          Module["_ts_query_start_byte_for_pattern"] = _ts_query_start_byte_for_pattern = wasmExports2["ts_query_start_byte_for_pattern"];
          Module["_ts_query_end_byte_for_pattern"] = _ts_query_end_byte_for_pattern = wasmExports2["ts_query_end_byte_for_pattern"];
          Module["_ts_query_is_pattern_rooted"] = _ts_query_is_pattern_rooted = wasmExports2["ts_query_is_pattern_rooted"];
          Module["_ts_query_is_pattern_non_local"] = _ts_query_is_pattern_non_local = wasmExports2["ts_query_is_pattern_non_local"];
          Module["_ts_query_is_pattern_guaranteed_at_step"] = _ts_query_is_pattern_guaranteed_at_step = wasmExports2["ts_query_is_pattern_guaranteed_at_step"];
          Module["_ts_query_disable_capture"] = _ts_query_disable_capture = wasmExports2["ts_query_disable_capture"];
          Module["_ts_query_disable_pattern"] = _ts_query_disable_pattern = wasmExports2["ts_query_disable_pattern"];
          Module["_ts_tree_copy"] = _ts_tree_copy = wasmExports2["ts_tree_copy"];
          Module["_ts_tree_delete"] = _ts_tree_delete = wasmExports2["ts_tree_delete"];
          Module["_ts_init"] = _ts_init = wasmExports2["ts_init"];
          Module["_ts_parser_new_wasm"] = _ts_parser_new_wasm = wasmExports2["ts_parser_new_wasm"];
          Module["_ts_parser_enable_logger_wasm"] = _ts_parser_enable_logger_wasm = wasmExports2["ts_parser_enable_logger_wasm"];
          Module["_ts_parser_parse_wasm"] = _ts_parser_parse_wasm = wasmExports2["ts_parser_parse_wasm"];
          Module["_ts_parser_included_ranges_wasm"] = _ts_parser_included_ranges_wasm = wasmExports2["ts_parser_included_ranges_wasm"];
          Module["_ts_language_type_is_named_wasm"] = _ts_language_type_is_named_wasm = wasmExports2["ts_language_type_is_named_wasm"];
          Module["_ts_language_type_is_visible_wasm"] = _ts_language_type_is_visible_wasm = wasmExports2["ts_language_type_is_visible_wasm"];
          Module["_ts_language_metadata_wasm"] = _ts_language_metadata_wasm = wasmExports2["ts_language_metadata_wasm"];
          Module["_ts_language_supertypes_wasm"] = _ts_language_supertypes_wasm = wasmExports2["ts_language_supertypes_wasm"];
          Module["_ts_language_subtypes_wasm"] = _ts_language_subtypes_wasm = wasmExports2["ts_language_subtypes_wasm"];
          Module["_ts_tree_root_node_wasm"] = _ts_tree_root_node_wasm = wasmExports2["ts_tree_root_node_wasm"];
          Module["_ts_tree_root_node_with_offset_wasm"] = _ts_tree_root_node_with_offset_wasm = wasmExports2["ts_tree_root_node_with_offset_wasm"];
          Module["_ts_tree_edit_wasm"] = _ts_tree_edit_wasm = wasmExports2["ts_tree_edit_wasm"];
          Module["_ts_tree_included_ranges_wasm"] = _ts_tree_included_ranges_wasm = wasmExports2["ts_tree_included_ranges_wasm"];
          Module["_ts_tree_get_changed_ranges_wasm"] = _ts_tree_get_changed_ranges_wasm = wasmExports2["ts_tree_get_changed_ranges_wasm"];
          Module["_ts_tree_cursor_new_wasm"] = _ts_tree_cursor_new_wasm = wasmExports2["ts_tree_cursor_new_wasm"];
          Module["_ts_tree_cursor_copy_wasm"] = _ts_tree_cursor_copy_wasm = wasmExports2["ts_tree_cursor_copy_wasm"];
          Module["_ts_tree_cursor_delete_wasm"] = _ts_tree_cursor_delete_wasm = wasmExports2["ts_tree_cursor_delete_wasm"];
          Module["_ts_tree_cursor_reset_wasm"] = _ts_tree_cursor_reset_wasm = wasmExports2["ts_tree_cursor_reset_wasm"];
          Module["_ts_tree_cursor_reset_to_wasm"] = _ts_tree_cursor_reset_to_wasm = wasmExports2["ts_tree_cursor_reset_to_wasm"];
          Module["_ts_tree_cursor_goto_first_child_wasm"] = _ts_tree_cursor_goto_first_child_wasm = wasmExports2["ts_tree_cursor_goto_first_child_wasm"];
          Module["_ts_tree_cursor_goto_last_child_wasm"] = _ts_tree_cursor_goto_last_child_wasm = wasmExports2["ts_tree_cursor_goto_last_child_wasm"];
          Module["_ts_tree_cursor_goto_first_child_for_index_wasm"] = _ts_tree_cursor_goto_first_child_for_index_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_index_wasm"];
          Module["_ts_tree_cursor_goto_first_child_for_position_wasm"] = _ts_tree_cursor_goto_first_child_for_position_wasm = wasmExports2["ts_tree_cursor_goto_first_child_for_position_wasm"];
          Module["_ts_tree_cursor_goto_next_sibling_wasm"] = _ts_tree_cursor_goto_next_sibling_wasm = wasmExports2["ts_tree_cursor_goto_next_sibling_wasm"];
          Module["_ts_tree_cursor_goto_previous_sibling_wasm"] = _ts_tree_cursor_goto_previous_sibling_wasm = wasmExports2["ts_tree_cursor_goto_previous_sibling_wasm"];
          Module["_ts_tree_cursor_goto_descendant_wasm"] = _ts_tree_cursor_goto_descendant_wasm = wasmExports2["ts_tree_cursor_goto_descendant_wasm"];
          Module["_ts_tree_cursor_goto_parent_wasm"] = _ts_tree_cursor_goto_parent_wasm = wasmExports2["ts_tree_cursor_goto_parent_wasm"];
          Module["_ts_tree_cursor_current_node_type_id_wasm"] = _ts_tree_cursor_current_node_type_id_wasm = wasmExports2["ts_tree_cursor_current_node_type_id_wasm"];
          Module["_ts_tree_cursor_current_node_state_id_wasm"] = _ts_tree_cursor_current_node_state_id_wasm = wasmExports2["ts_tree_cursor_current_node_state_id_wasm"];
          Module["_ts_tree_cursor_current_node_is_named_wasm"] = _ts_tree_cursor_current_node_is_named_wasm = wasmExports2["ts_tree_cursor_current_node_is_named_wasm"];
          Module["_ts_tree_cursor_current_node_is_missing_wasm"] = _ts_tree_cursor_current_node_is_missing_wasm = wasmExports2["ts_tree_cursor_current_node_is_missing_wasm"];
          Module["_ts_tree_cursor_current_node_id_wasm"] = _ts_tree_cursor_current_node_id_wasm = wasmExports2["ts_tree_cursor_current_node_id_wasm"];
          Module["_ts_tree_cursor_start_position_wasm"] = _ts_tree_cursor_start_position_wasm = wasmExports2["ts_tree_cursor_start_position_wasm"];
          Module["_ts_tree_cursor_end_position_wasm"] = _ts_tree_cursor_end_position_wasm = wasmExports2["ts_tree_cursor_end_position_wasm"];
          Module["_ts_tree_cursor_start_index_wasm"] = _ts_tree_cursor_start_index_wasm = wasmExports2["ts_tree_cursor_start_index_wasm"];
          Module["_ts_tree_cursor_end_index_wasm"] = _ts_tree_cursor_end_index_wasm = wasmExports2["ts_tree_cursor_end_index_wasm"];
          Module["_ts_tree_cursor_current_field_id_wasm"] = _ts_tree_cursor_current_field_id_wasm = wasmExports2["ts_tree_cursor_current_field_id_wasm"];
          Module["_ts_tree_cursor_current_depth_wasm"] = _ts_tree_cursor_current_depth_wasm = wasmExports2["ts_tree_cursor_current_depth_wasm"];
          Module["_ts_tree_cursor_current_descendant_index_wasm"] = _ts_tree_cursor_current_descendant_index_wasm = wasmExports2["ts_tree_cursor_current_descendant_index_wasm"];
          Module["_ts_tree_cursor_current_node_wasm"] = _ts_tree_cursor_current_node_wasm = wasmExports2["ts_tree_cursor_current_node_wasm"];
          Module["_ts_node_symbol_wasm"] = _ts_node_symbol_wasm = wasmExports2["ts_node_symbol_wasm"];
          Module["_ts_node_field_name_for_child_wasm"] = _ts_node_field_name_for_child_wasm = wasmExports2["ts_node_field_name_for_child_wasm"];
          Module["_ts_node_field_name_for_named_child_wasm"] = _ts_node_field_name_for_named_child_wasm = wasmExports2["ts_node_field_name_for_named_child_wasm"];
          Module["_ts_node_children_by_field_id_wasm"] = _ts_node_children_by_field_id_wasm = wasmExports2["ts_node_children_by_field_id_wasm"];
          Module["_ts_node_first_child_for_byte_wasm"] = _ts_node_first_child_for_byte_wasm = wasmExports2["ts_node_first_child_for_byte_wasm"];
          Module["_ts_node_first_named_child_for_byte_wasm"] = _ts_node_first_named_child_for_byte_wasm = wasmExports2["ts_node_first_named_child_for_byte_wasm"];
          Module["_ts_node_grammar_symbol_wasm"] = _ts_node_grammar_symbol_wasm = wasmExports2["ts_node_grammar_symbol_wasm"];
          Module["_ts_node_child_count_wasm"] = _ts_node_child_count_wasm = wasmExports2["ts_node_child_count_wasm"];
          Module["_ts_node_named_child_count_wasm"] = _ts_node_named_child_count_wasm = wasmExports2["ts_node_named_child_count_wasm"];
          Module["_ts_node_child_wasm"] = _ts_node_child_wasm = wasmExports2["ts_node_child_wasm"];
          Module["_ts_node_named_child_wasm"] = _ts_node_named_child_wasm = wasmExports2["ts_node_named_child_wasm"];
          Module["_ts_node_child_by_field_id_wasm"] = _ts_node_child_by_field_id_wasm = wasmExports2["ts_node_child_by_field_id_wasm"];
          Module["_ts_node_next_sibling_wasm"] = _ts_node_next_sibling_wasm = wasmExports2["ts_node_next_sibling_wasm"];
          Module["_ts_node_prev_sibling_wasm"] = _ts_node_prev_sibling_wasm = wasmExports2["ts_node_prev_sibling_wasm"];
          Module["_ts_node_next_named_sibling_wasm"] = _ts_node_next_named_sibling_wasm = wasmExports2["ts_node_next_named_sibling_wasm"];
          Module["_ts_node_prev_named_sibling_wasm"] = _ts_node_prev_named_sibling_wasm = wasmExports2["ts_node_prev_named_sibling_wasm"];
          Module["_ts_node_descendant_count_wasm"] = _ts_node_descendant_count_wasm = wasmExports2["ts_node_descendant_count_wasm"];
          Module["_ts_node_parent_wasm"] = _ts_node_parent_wasm = wasmExports2["ts_node_parent_wasm"];
          Module["_ts_node_child_with_descendant_wasm"] = _ts_node_child_with_descendant_wasm = wasmExports2["ts_node_child_with_descendant_wasm"];
          Module["_ts_node_descendant_for_index_wasm"] = _ts_node_descendant_for_index_wasm = wasmExports2["ts_node_descendant_for_index_wasm"];
          Module["_ts_node_named_descendant_for_index_wasm"] = _ts_node_named_descendant_for_index_wasm = wasmExports2["ts_node_named_descendant_for_index_wasm"];
          Module["_ts_node_descendant_for_position_wasm"] = _ts_node_descendant_for_position_wasm = wasmExports2["ts_node_descendant_for_position_wasm"];
          Module["_ts_node_named_descendant_for_position_wasm"] = _ts_node_named_descendant_for_position_wasm = wasmExports2["ts_node_named_descendant_for_position_wasm"];
          Module["_ts_node_start_point_wasm"] = _ts_node_start_point_wasm = wasmExports2["ts_node_start_point_wasm"];
          Module["_ts_node_end_point_wasm"] = _ts_node_end_point_wasm = wasmExports2["ts_node_end_point_wasm"];
          Module["_ts_node_start_index_wasm"] = _ts_node_start_index_wasm = wasmExports2["ts_node_start_index_wasm"];
          Module["_ts_node_end_index_wasm"] = _ts_node_end_index_wasm = wasmExports2["ts_node_end_index_wasm"];
          Module["_ts_node_to_string_wasm"] = _ts_node_to_string_wasm = wasmExports2["ts_node_to_string_wasm"];
          Module["_ts_node_children_wasm"] = _ts_node_children_wasm = wasmExports2["ts_node_children_wasm"];
          Module["_ts_node_named_children_wasm"] = _ts_node_named_children_wasm = wasmExports2["ts_node_named_children_wasm"];
          Module["_ts_node_descendants_of_type_wasm"] = _ts_node_descendants_of_type_wasm = wasmExports2["ts_node_descendants_of_type_wasm"];
          Module["_ts_node_is_named_wasm"] = _ts_node_is_named_wasm = wasmExports2["ts_node_is_named_wasm"];
          Module["_ts_node_has_changes_wasm"] = _ts_node_has_changes_wasm = wasmExports2["ts_node_has_changes_wasm"];
          Module["_ts_node_has_error_wasm"] = _ts_node_has_error_wasm = wasmExports2["ts_node_has_error_wasm"];
          Module["_ts_node_is_error_wasm"] = _ts_node_is_error_wasm = wasmExports2["ts_node_is_error_wasm"];
          Module["_ts_node_is_missing_wasm"] = _ts_node_is_missing_wasm = wasmExports2["ts_node_is_missing_wasm"];
          Module["_ts_node_is_extra_wasm"] = _ts_node_is_extra_wasm = wasmExports2["ts_node_is_extra_wasm"];
          Module["_ts_node_parse_state_wasm"] = _ts_node_parse_state_wasm = wasmExports2["ts_node_parse_state_wasm"];
          Module["_ts_node_next_parse_state_wasm"] = _ts_node_next_parse_state_wasm = wasmExports2["ts_node_next_parse_state_wasm"];
          Module["_ts_query_matches_wasm"] = _ts_query_matches_wasm = wasmExports2["ts_query_matches_wasm"];
          Module["_ts_query_captures_wasm"] = _ts_query_captures_wasm = wasmExports2["ts_query_captures_wasm"];
          Module["_memset"] = _memset = wasmExports2["memset"];
          Module["_memcpy"] = _memcpy = wasmExports2["memcpy"];
          Module["_memmove"] = _memmove = wasmExports2["memmove"];
          Module["_iswalpha"] = _iswalpha = wasmExports2["iswalpha"];
          Module["_iswblank"] = _iswblank = wasmExports2["iswblank"];
          Module["_iswdigit"] = _iswdigit = wasmExports2["iswdigit"];
          Module["_iswlower"] = _iswlower = wasmExports2["iswlower"];
          Module["_iswpunct"] = _iswpunct = wasmExports2["iswpunct"];
          Module["_iswupper"] = _iswupper = wasmExports2["iswupper"];
          Module["_iswxdigit"] = _iswxdigit = wasmExports2["iswxdigit"];
          Module["_memchr"] = _memchr = wasmExports2["memchr"];
          Module["_strcmp"] = _strcmp = wasmExports2["strcmp"];
          Module["_strncat"] = _strncat = wasmExports2["strncat"];
          Module["_strncpy"] = _strncpy = wasmExports2["strncpy"];
          Module["_towlower"] = _towlower = wasmExports2["towlower"];
          Module["_towupper"] = _towupper = wasmExports2["towupper"];
          _setThrew = wasmExports2["setThrew"];
          __emscripten_stack_restore = wasmExports2["_emscripten_stack_restore"];
          __emscripten_stack_alloc = wasmExports2["_emscripten_stack_alloc"];
          _emscripten_stack_get_current = wasmExports2["emscripten_stack_get_current"];
          ___wasm_apply_data_relocs = wasmExports2["__wasm_apply_data_relocs"];
        }
        __name(assignWasmExports, "assignWasmExports");
        var wasmImports = {
          /** @export */
          __heap_base: ___heap_base,
          /** @export */
          __indirect_function_table: wasmTable,
          /** @export */
          __memory_base: ___memory_base,
          /** @export */
          __stack_high: ___stack_high,
          /** @export */
          __stack_low: ___stack_low,
          /** @export */
          __stack_pointer: ___stack_pointer,
          /** @export */
          __table_base: ___table_base,
          /** @export */
          _abort_js: __abort_js,
          /** @export */
          emscripten_resize_heap: _emscripten_resize_heap,
          /** @export */
          fd_close: _fd_close,
          /** @export */
          fd_seek: _fd_seek,
          /** @export */
          fd_write: _fd_write,
          /** @export */
          memory: wasmMemory,
          /** @export */
          tree_sitter_log_callback: _tree_sitter_log_callback,
          /** @export */
          tree_sitter_parse_callback: _tree_sitter_parse_callback,
          /** @export */
          tree_sitter_progress_callback: _tree_sitter_progress_callback,
          /** @export */
          tree_sitter_query_progress_callback: _tree_sitter_query_progress_callback
        };
        function callMain(args2 = []) {
          var entryFunction = resolveGlobalSymbol("main").sym;
          if (!entryFunction) return;
          args2.unshift(thisProgram);
          var argc = args2.length;
          var argv = stackAlloc((argc + 1) * 4);
          var argv_ptr = argv;
          args2.forEach((arg) => {
            LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, stringToUTF8OnStack(arg));
            argv_ptr += 4;
          });
          LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, 0);
          try {
            var ret = entryFunction(argc, argv);
            exitJS(
              ret,
              /* implicit = */
              true
            );
            return ret;
          } catch (e) {
            return handleException(e);
          }
        }
        __name(callMain, "callMain");
        function run(args2 = arguments_) {
          if (runDependencies > 0) {
            dependenciesFulfilled = run;
            return;
          }
          preRun();
          if (runDependencies > 0) {
            dependenciesFulfilled = run;
            return;
          }
          function doRun() {
            Module["calledRun"] = true;
            if (ABORT) return;
            initRuntime();
            preMain();
            readyPromiseResolve?.(Module);
            Module["onRuntimeInitialized"]?.();
            var noInitialRun = Module["noInitialRun"] || false;
            if (!noInitialRun) callMain(args2);
            postRun();
          }
          __name(doRun, "doRun");
          if (Module["setStatus"]) {
            Module["setStatus"]("Running...");
            setTimeout(() => {
              setTimeout(() => Module["setStatus"](""), 1);
              doRun();
            }, 1);
          } else {
            doRun();
          }
        }
        __name(run, "run");
        var wasmExports;
        wasmExports = await createWasm();
        run();
        if (runtimeInitialized) {
          moduleRtn = Module;
        } else {
          moduleRtn = new Promise((resolve, reject) => {
            readyPromiseResolve = resolve;
            readyPromiseReject = reject;
          });
        }
        return moduleRtn;
      };
    })();
    if (typeof exports === "object" && typeof module === "object") {
      module.exports = Module;
      module.exports.default = Module;
    } else if (typeof define === "function" && define["amd"])
      define([], () => Module);
  }
});

// src/index.ts
var index_exports = {};
__export(index_exports, {
  CaptureQuantifier: () => CaptureQuantifier,
  Edit: () => Edit,
  LANGUAGE_VERSION: () => LANGUAGE_VERSION,
  Language: () => Language,
  LookaheadIterator: () => LookaheadIterator,
  MIN_COMPATIBLE_VERSION: () => MIN_COMPATIBLE_VERSION,
  Node: () => Node,
  Parser: () => Parser,
  Query: () => Query,
  Tree: () => Tree,
  TreeCursor: () => TreeCursor
});
module.exports = __toCommonJS(index_exports);

// src/edit.ts
var Edit = class {
  static {
    __name(this, "Edit");
  }
  /** The start position of the change. */
  startPosition;
  /** The end position of the change before the edit. */
  oldEndPosition;
  /** The end position of the change after the edit. */
  newEndPosition;
  /** The start index of the change. */
  startIndex;
  /** The end index of the change before the edit. */
  oldEndIndex;
  /** The end index of the change after the edit. */
  newEndIndex;
  constructor({
    startIndex,
    oldEndIndex,
    newEndIndex,
    startPosition,
    oldEndPosition,
    newEndPosition
  }) {
    this.startIndex = startIndex >>> 0;
    this.oldEndIndex = oldEndIndex >>> 0;
    this.newEndIndex = newEndIndex >>> 0;
    this.startPosition = startPosition;
    this.oldEndPosition = oldEndPosition;
    this.newEndPosition = newEndPosition;
  }
  /**
   * Edit a point and index to keep it in-sync with source code that has been edited.
   *
   * This function updates a single point's byte offset and row/column position
   * based on an edit operation. This is useful for editing points without
   * requiring a tree or node instance.
   */
  editPoint(point, index) {
    let newIndex = index;
    const newPoint = { ...point };
    if (index >= this.oldEndIndex) {
      newIndex = this.newEndIndex + (index - this.oldEndIndex);
      const originalRow = point.row;
      newPoint.row = this.newEndPosition.row + (point.row - this.oldEndPosition.row);
      newPoint.column = originalRow === this.oldEndPosition.row ? this.newEndPosition.column + (point.column - this.oldEndPosition.column) : point.column;
    } else if (index > this.startIndex) {
      newIndex = this.newEndIndex;
      newPoint.row = this.newEndPosition.row;
      newPoint.column = this.newEndPosition.column;
    }
    return { point: newPoint, index: newIndex };
  }
  /**
   * Edit a range to keep it in-sync with source code that has been edited.
   *
   * This function updates a range's start and end positions based on an edit
   * operation. This is useful for editing ranges without requiring a tree
   * or node instance.
   */
  editRange(range) {
    const newRange = {
      startIndex: range.startIndex,
      startPosition: { ...range.startPosition },
      endIndex: range.endIndex,
      endPosition: { ...range.endPosition }
    };
    if (range.endIndex >= this.oldEndIndex) {
      if (range.endIndex !== Number.MAX_SAFE_INTEGER) {
        newRange.endIndex = this.newEndIndex + (range.endIndex - this.oldEndIndex);
        newRange.endPosition = {
          row: this.newEndPosition.row + (range.endPosition.row - this.oldEndPosition.row),
          column: range.endPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.endPosition.column - this.oldEndPosition.column) : range.endPosition.column
        };
        if (newRange.endIndex < this.newEndIndex) {
          newRange.endIndex = Number.MAX_SAFE_INTEGER;
          newRange.endPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
        }
      }
    } else if (range.endIndex > this.startIndex) {
      newRange.endIndex = this.startIndex;
      newRange.endPosition = { ...this.startPosition };
    }
    if (range.startIndex >= this.oldEndIndex) {
      newRange.startIndex = this.newEndIndex + (range.startIndex - this.oldEndIndex);
      newRange.startPosition = {
        row: this.newEndPosition.row + (range.startPosition.row - this.oldEndPosition.row),
        column: range.startPosition.row === this.oldEndPosition.row ? this.newEndPosition.column + (range.startPosition.column - this.oldEndPosition.column) : range.startPosition.column
      };
      if (newRange.startIndex < this.newEndIndex) {
        newRange.startIndex = Number.MAX_SAFE_INTEGER;
        newRange.startPosition = { row: Number.MAX_SAFE_INTEGER, column: Number.MAX_SAFE_INTEGER };
      }
    } else if (range.startIndex > this.startIndex) {
      newRange.startIndex = this.startIndex;
      newRange.startPosition = { ...this.startPosition };
    }
    return newRange;
  }
};

// src/constants.ts
var SIZE_OF_SHORT = 2;
var SIZE_OF_INT = 4;
var SIZE_OF_CURSOR = 4 * SIZE_OF_INT;
var SIZE_OF_NODE = 5 * SIZE_OF_INT;
var SIZE_OF_POINT = 2 * SIZE_OF_INT;
var SIZE_OF_RANGE = 2 * SIZE_OF_INT + 2 * SIZE_OF_POINT;
var ZERO_POINT = { row: 0, column: 0 };
var INTERNAL = /* @__PURE__ */ Symbol("INTERNAL");
function assertInternal(x) {
  if (x !== INTERNAL) throw new Error("Illegal constructor");
}
__name(assertInternal, "assertInternal");
function isPoint(point) {
  return !!point && typeof point.row === "number" && typeof point.column === "number";
}
__name(isPoint, "isPoint");
function setModule(module2) {
  C = module2;
}
__name(setModule, "setModule");
var C;

// src/finalization_registry.ts
function newFinalizer(handler) {
  try {
    return new FinalizationRegistry(handler);
  } catch (e) {
    console.error("Unsupported FinalizationRegistry:", e);
    return;
  }
}
__name(newFinalizer, "newFinalizer");

// src/lookahead_iterator.ts
var finalizer = newFinalizer((address) => {
  C._ts_lookahead_iterator_delete(address);
});
var LookaheadIterator = class {
  static {
    __name(this, "LookaheadIterator");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  language;
  /** @internal */
  positioned = false;
  /** @internal */
  constructor(internal, address, language) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    finalizer?.register(this, address, this);
  }
  /**
   * Get the current symbol of the lookahead iterator.
   *
   * Returns `null` if the iterator is not positioned on a symbol:
   *
   * - Before the first iteration step
   * - After the iterator is exhausted
   * - After a {@link reset} or {@link resetState} call
   */
  get currentTypeId() {
    return this.positioned ? C._ts_lookahead_iterator_current_symbol(this[0]) : null;
  }
  /**
   * Get the current symbol name of the lookahead iterator.
   *
   * Returns `null` if the iterator is not positioned on a symbol.
   */
  get currentType() {
    const id = this.currentTypeId;
    if (id === null) return null;
    return this.language.types[id] ?? C.UTF8ToString(C._ts_language_symbol_name(this.language[0], id));
  }
  /** Delete the lookahead iterator, freeing its resources. */
  delete() {
    finalizer?.unregister(this);
    C._ts_lookahead_iterator_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Reset the lookahead iterator.
   *
   * This returns `true` if the language was set successfully and `false`
   * otherwise.
   */
  reset(language, stateId) {
    if (C._ts_lookahead_iterator_reset(this[0], language[0], stateId)) {
      this.language = language;
      this.positioned = false;
      return true;
    }
    return false;
  }
  /**
   * Reset the lookahead iterator to another state.
   *
   * This returns `true` if the iterator was reset to the given state and
   * `false` otherwise.
   */
  resetState(stateId) {
    if (!C._ts_lookahead_iterator_reset_state(this[0], stateId)) return false;
    this.positioned = false;
    return true;
  }
  /**
   * Returns an iterator that iterates over the symbols of the lookahead iterator.
   *
   * The iterator will yield the current symbol name as a string for each step
   * until there are no more symbols to iterate over.
   */
  [Symbol.iterator]() {
    return {
      next: /* @__PURE__ */ __name(() => {
        this.positioned = Boolean(C._ts_lookahead_iterator_next(this[0]));
        const value = this.currentType;
        return value === null ? { done: true, value: "" } : { done: false, value };
      }, "next")
    };
  }
};

// src/tree.ts
function getText(tree, startIndex, endIndex, startPosition) {
  const length = endIndex - startIndex;
  let result = tree.textCallback(startIndex, startPosition);
  if (result) {
    startIndex += result.length;
    while (startIndex < endIndex) {
      const string = tree.textCallback(startIndex, startPosition);
      if (string && string.length > 0) {
        startIndex += string.length;
        result += string;
      } else {
        break;
      }
    }
    if (startIndex > endIndex) {
      result = result.slice(0, length);
    }
  }
  return result ?? "";
}
__name(getText, "getText");
var finalizer2 = newFinalizer((address) => {
  C._ts_tree_delete(address);
});
var Tree = class _Tree {
  static {
    __name(this, "Tree");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  textCallback;
  /** The language that was used to parse the syntax tree. */
  language;
  /** @internal */
  constructor(internal, address, language, textCallback) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    this.textCallback = textCallback;
    finalizer2?.register(this, address, this);
  }
  /** Create a shallow copy of the syntax tree. This is very fast. */
  copy() {
    const address = C._ts_tree_copy(this[0]);
    return new _Tree(INTERNAL, address, this.language, this.textCallback);
  }
  /** Delete the syntax tree, freeing its resources. */
  delete() {
    finalizer2?.unregister(this);
    C._ts_tree_delete(this[0]);
    this[0] = 0;
  }
  /** Get the root node of the syntax tree. */
  get rootNode() {
    C._ts_tree_root_node_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Get the root node of the syntax tree, but with its position shifted
   * forward by the given offset.
   */
  rootNodeWithOffset(offsetBytes, offsetExtent) {
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, offsetBytes, "i32");
    marshalPoint(address + SIZE_OF_INT, offsetExtent);
    C._ts_tree_root_node_with_offset_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Edit the syntax tree to keep it in sync with source code that has been
   * edited.
   *
   * You must describe the edit both in terms of byte offsets and in terms of
   * row/column coordinates.
   */
  edit(edit) {
    marshalEdit(edit);
    C._ts_tree_edit_wasm(this[0]);
  }
  /** Create a new {@link TreeCursor} starting from the root of the tree. */
  walk() {
    return this.rootNode.walk();
  }
  /**
   * Compare this old edited syntax tree to a new syntax tree representing
   * the same document, returning a sequence of ranges whose syntactic
   * structure has changed.
   *
   * For this to work correctly, this syntax tree must have been edited such
   * that its ranges match up to the new tree. Generally, you'll want to
   * call this method right after calling one of the [`Parser::parse`]
   * functions. Call it on the old tree that was passed to parse, and
   * pass the new tree that was returned from `parse`.
   */
  getChangedRanges(other) {
    if (!(other instanceof _Tree)) {
      throw new TypeError("Argument must be a Tree");
    }
    C._ts_tree_get_changed_ranges_wasm(this[0], other[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the included ranges that were used to parse the syntax tree. */
  getIncludedRanges() {
    C._ts_tree_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
};

// src/tree_cursor.ts
var finalizer3 = newFinalizer((handles) => {
  marshalTreeCursor({ handles });
  C._ts_tree_cursor_delete_wasm(0);
});
var TreeCursor = class _TreeCursor {
  static {
    __name(this, "TreeCursor");
  }
  /** @internal */
  handles = [0, 0, 0, 0];
  // Internal handles for Wasm, shared with the finalizer.
  /** @internal */
  tree;
  /** @internal */
  constructor(internal, tree) {
    assertInternal(internal);
    this.tree = tree;
    unmarshalTreeCursor(this);
    finalizer3?.register(this, this.handles, this);
  }
  /** Creates a deep copy of the tree cursor. This allocates new memory. */
  copy() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_copy_wasm(this.tree[0]);
    return new _TreeCursor(INTERNAL, this.tree);
  }
  /** Delete the tree cursor, freeing its resources. */
  delete() {
    finalizer3?.unregister(this);
    marshalTreeCursor(this);
    C._ts_tree_cursor_delete_wasm(this.tree[0]);
    this.handles.fill(0);
  }
  /** Get the tree cursor's current {@link Node}. */
  get currentNode() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_current_node_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the numerical field id of this tree cursor's current node.
   *
   * See also {@link TreeCursor#currentFieldName}.
   */
  get currentFieldId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_field_id_wasm(this.tree[0]);
  }
  /** Get the field name of this tree cursor's current node. */
  get currentFieldName() {
    return this.tree.language.fields[this.currentFieldId];
  }
  /**
   * Get the depth of the cursor's current node relative to the original
   * node that the cursor was constructed with.
   */
  get currentDepth() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_depth_wasm(this.tree[0]);
  }
  /**
   * Get the index of the cursor's current node out of all of the
   * descendants of the original node that the cursor was constructed with.
   */
  get currentDescendantIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_descendant_index_wasm(this.tree[0]);
  }
  /** Get the type of the cursor's current node. */
  get nodeType() {
    return this.tree.language.types[this.nodeTypeId] || "ERROR";
  }
  /** Get the type id of the cursor's current node. */
  get nodeTypeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_type_id_wasm(this.tree[0]);
  }
  /** Get the state id of the cursor's current node. */
  get nodeStateId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_state_id_wasm(this.tree[0]);
  }
  /** Get the id of the cursor's current node. */
  get nodeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_id_wasm(this.tree[0]);
  }
  /**
   * Check if the cursor's current node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get nodeIsNamed() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if the cursor's current node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get nodeIsMissing() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Get the string content of the cursor's current node. */
  get nodeText() {
    marshalTreeCursor(this);
    const startIndex = C._ts_tree_cursor_start_index_wasm(this.tree[0]);
    const endIndex = C._ts_tree_cursor_end_index_wasm(this.tree[0]);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    const startPosition = unmarshalPoint(TRANSFER_BUFFER);
    return getText(this.tree, startIndex, endIndex, startPosition);
  }
  /** Get the start position of the cursor's current node. */
  get startPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the end position of the cursor's current node. */
  get endPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_end_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the start index of the cursor's current node. */
  get startIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_start_index_wasm(this.tree[0]);
  }
  /** Get the end index of the cursor's current node. */
  get endIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_end_index_wasm(this.tree[0]);
  }
  /**
   * Move this cursor to the first child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   */
  gotoFirstChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_first_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the last child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoFirstChild} because it needs to
   * iterate through all the children to compute the child's position.
   */
  gotoLastChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_last_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the parent of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no parent node (the cursor was already on the
   * root node).
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoParent() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_parent_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the next sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no next sibling node.
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoNextSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_next_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the previous sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no previous sibling node.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoNextSibling} due to how node
   * positions are stored. In the worst case, this will need to iterate
   * through all the children up to the previous sibling node to recalculate
   * its position. Also note that the node the cursor was constructed with is
   * considered the root of the cursor, and the cursor cannot walk outside this node.
   */
  gotoPreviousSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_previous_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move the cursor to the node that is the nth descendant of
   * the original node that the cursor was constructed with, where
   * zero represents the original node itself.
   */
  gotoDescendant(goalDescendantIndex) {
    marshalTreeCursor(this);
    C._ts_tree_cursor_goto_descendant_wasm(this.tree[0], goalDescendantIndex);
    unmarshalTreeCursor(this);
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForIndex(goalIndex) {
    marshalTreeCursor(this);
    C.setValue(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalIndex, "i32");
    const result = C._ts_tree_cursor_goto_first_child_for_index_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given position.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForPosition(goalPosition) {
    marshalTreeCursor(this);
    marshalPoint(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalPosition);
    const result = C._ts_tree_cursor_goto_first_child_for_position_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Re-initialize this tree cursor to start at the original node that the
   * cursor was constructed with.
   */
  reset(node) {
    marshalNode(node);
    marshalTreeCursor(this, TRANSFER_BUFFER + SIZE_OF_NODE);
    C._ts_tree_cursor_reset_wasm(node.tree[0]);
    unmarshalTreeCursor(this);
    this.tree = node.tree;
  }
  /**
   * Re-initialize a tree cursor to the same position as another cursor.
   *
   * Unlike {@link TreeCursor#reset}, this will not lose parent
   * information and allows reusing already created cursors.
   */
  resetTo(cursor) {
    marshalTreeCursor(this, TRANSFER_BUFFER);
    marshalTreeCursor(cursor, TRANSFER_BUFFER + SIZE_OF_CURSOR);
    C._ts_tree_cursor_reset_to_wasm(this.tree[0], cursor.tree[0]);
    unmarshalTreeCursor(this);
    this.tree = cursor.tree;
  }
};

// src/node.ts
var Node = class {
  static {
    __name(this, "Node");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  _children;
  /** @internal */
  _namedChildren;
  /** @internal */
  constructor(internal, {
    id,
    tree,
    startIndex,
    startPosition,
    other
  }) {
    assertInternal(internal);
    this[0] = other;
    this.id = id;
    this.tree = tree;
    this.startIndex = startIndex;
    this.startPosition = startPosition;
  }
  /**
   * The numeric id for this node that is unique.
   *
   * Within a given syntax tree, no two nodes have the same id. However:
   *
   * * If a new tree is created based on an older tree, and a node from the old tree is reused in
   *   the process, then that node will have the same id in both trees.
   *
   * * A node not marked as having changes does not guarantee it was reused.
   *
   * * If a node is marked as having changed in the old tree, it will not be reused.
   */
  id;
  /** The byte index where this node starts. */
  startIndex;
  /** The position where this node starts. */
  startPosition;
  /** The tree that this node belongs to. */
  tree;
  /** Get this node's type as a numerical id. */
  get typeId() {
    marshalNode(this);
    return C._ts_node_symbol_wasm(this.tree[0]);
  }
  /**
   * Get the node's type as a numerical id as it appears in the grammar,
   * ignoring aliases.
   */
  get grammarId() {
    marshalNode(this);
    return C._ts_node_grammar_symbol_wasm(this.tree[0]);
  }
  /** Get this node's type as a string. */
  get type() {
    return this.tree.language.types[this.typeId] || "ERROR";
  }
  /**
   * Get this node's symbol name as it appears in the grammar, ignoring
   * aliases as a string.
   */
  get grammarType() {
    return this.tree.language.types[this.grammarId] || "ERROR";
  }
  /**
   * Check if this node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get isNamed() {
    marshalNode(this);
    return C._ts_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *extra*.
   *
   * Extra nodes represent things like comments, which are not required
   * by the grammar, but can appear anywhere.
   */
  get isExtra() {
    marshalNode(this);
    return C._ts_node_is_extra_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error.
   *
   * Syntax errors represent parts of the code that could not be incorporated
   * into a valid syntax tree.
   */
  get isError() {
    marshalNode(this);
    return C._ts_node_is_error_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get isMissing() {
    marshalNode(this);
    return C._ts_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Check if this node has been edited. */
  get hasChanges() {
    marshalNode(this);
    return C._ts_node_has_changes_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error or contains any syntax
   * errors anywhere within it.
   */
  get hasError() {
    marshalNode(this);
    return C._ts_node_has_error_wasm(this.tree[0]) === 1;
  }
  /** Get the byte index where this node ends. */
  get endIndex() {
    marshalNode(this);
    return C._ts_node_end_index_wasm(this.tree[0]);
  }
  /** Get the position where this node ends. */
  get endPosition() {
    marshalNode(this);
    C._ts_node_end_point_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the string content of this node. */
  get text() {
    return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);
  }
  /** Get this node's parse state. */
  get parseState() {
    marshalNode(this);
    return C._ts_node_parse_state_wasm(this.tree[0]);
  }
  /** Get the parse state after this node. */
  get nextParseState() {
    marshalNode(this);
    return C._ts_node_next_parse_state_wasm(this.tree[0]);
  }
  /** Check if this node is equal to another node. */
  equals(other) {
    return this.tree === other.tree && this.id === other.id;
  }
  /**
   * Get the node's child at the given index, where zero represents the first child.
   *
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#children} instead.
   */
  child(index) {
    marshalNode(this);
    C._ts_node_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's *named* child at the given index.
   *
   * See also {@link Node#isNamed}.
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#namedChildren} instead.
   */
  namedChild(index) {
    marshalNode(this);
    C._ts_node_named_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's child with the given numerical field id.
   *
   * See also {@link Node#childForFieldName}. You can
   * convert a field name to an id using {@link Language#fieldIdForName}.
   */
  childForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the first child with the given field name.
   *
   * If multiple children may have the same field name, access them using
   * {@link Node#childrenForFieldName}.
   */
  childForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1) return this.childForFieldId(fieldId);
    return null;
  }
  /** Get the field name of this node's child at the given index. */
  fieldNameForChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /** Get the field name of this node's named child at the given index. */
  fieldNameForNamedChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_named_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /**
   * Get an array of this node's children with a given field name.
   *
   * See also {@link Node#children}.
   */
  childrenForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1 && fieldId !== 0) return this.childrenForFieldId(fieldId);
    return [];
  }
  /**
    * Get an array of this node's children with a given field id.
    *
    * See also {@link Node#childrenForFieldName}.
    */
  childrenForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_children_by_field_id_wasm(this.tree[0], fieldId);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the node's first child that contains or starts after the given byte offset. */
  firstChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's first named child that contains or starts after the given byte offset. */
  firstNamedChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_named_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's number of children. */
  get childCount() {
    marshalNode(this);
    return C._ts_node_child_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's number of *named* children.
   *
   * See also {@link Node#isNamed}.
   */
  get namedChildCount() {
    marshalNode(this);
    return C._ts_node_named_child_count_wasm(this.tree[0]);
  }
  /** Get this node's first child. */
  get firstChild() {
    return this.child(0);
  }
  /**
   * Get this node's first named child.
   *
   * See also {@link Node#isNamed}.
   */
  get firstNamedChild() {
    return this.namedChild(0);
  }
  /** Get this node's last child. */
  get lastChild() {
    return this.child(this.childCount - 1);
  }
  /**
   * Get this node's last named child.
   *
   * See also {@link Node#isNamed}.
   */
  get lastNamedChild() {
    return this.namedChild(this.namedChildCount - 1);
  }
  /**
   * Iterate over this node's children.
   *
   * If you're walking the tree recursively, you may want to use the
   * {@link TreeCursor} APIs directly instead.
   */
  get children() {
    if (!this._children) {
      marshalNode(this);
      C._ts_node_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._children = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._children[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._children;
  }
  /**
   * Iterate over this node's named children.
   *
   * See also {@link Node#children}.
   */
  get namedChildren() {
    if (!this._namedChildren) {
      marshalNode(this);
      C._ts_node_named_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._namedChildren = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._namedChildren[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._namedChildren;
  }
  /**
   * Get the descendants of this node that are the given type, or in the given types array.
   *
   * The types array should contain node type strings, which can be retrieved from {@link Language#types}.
   *
   * Additionally, a `startPosition` and `endPosition` can be passed in to restrict the search to a byte range.
   */
  descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
    if (!Array.isArray(types)) types = [types];
    const symbols = [];
    const typesBySymbol = this.tree.language.types;
    for (let i2 = 0, n = typesBySymbol.length; i2 < n; i2++) {
      if (types.includes(typesBySymbol[i2])) {
        symbols.push(i2);
      }
    }
    if (types.includes("ERROR")) {
      symbols.push(65535);
    }
    const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
    for (let i2 = 0, n = symbols.length; i2 < n; i2++) {
      C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
    }
    marshalNode(this);
    C._ts_node_descendants_of_type_wasm(
      this.tree[0],
      symbolsAddress,
      symbols.length,
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column
    );
    const descendantCount = C.getValue(TRANSFER_BUFFER, "i32");
    const descendantAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(descendantCount);
    if (descendantCount > 0) {
      let address = descendantAddress;
      for (let i2 = 0; i2 < descendantCount; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
    }
    C._free(descendantAddress);
    C._free(symbolsAddress);
    return result;
  }
  /** Get this node's next sibling. */
  get nextSibling() {
    marshalNode(this);
    C._ts_node_next_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's previous sibling. */
  get previousSibling() {
    marshalNode(this);
    C._ts_node_prev_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's next *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get nextNamedSibling() {
    marshalNode(this);
    C._ts_node_next_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's previous *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get previousNamedSibling() {
    marshalNode(this);
    C._ts_node_prev_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's number of descendants, including one for the node itself. */
  get descendantCount() {
    marshalNode(this);
    return C._ts_node_descendant_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's immediate parent.
   * Prefer {@link Node#childWithDescendant} for iterating over this node's ancestors.
   */
  get parent() {
    marshalNode(this);
    C._ts_node_parent_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the node that contains `descendant`.
   *
   * Note that this can return `descendant` itself.
   */
  childWithDescendant(descendant) {
    marshalNode(this);
    marshalNode(descendant, 1);
    C._ts_node_child_with_descendant_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given byte range. */
  descendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given byte range. */
  namedDescendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_named_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given point range. */
  descendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given point range. */
  namedDescendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_named_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Create a new {@link TreeCursor} starting from this node.
   *
   * Note that the given node is considered the root of the cursor,
   * and the cursor cannot walk outside this node.
   */
  walk() {
    marshalNode(this);
    C._ts_tree_cursor_new_wasm(this.tree[0]);
    return new TreeCursor(INTERNAL, this.tree);
  }
  /**
   * Edit this node to keep it in-sync with source code that has been edited.
   *
   * This function is only rarely needed. When you edit a syntax tree with
   * the {@link Tree#edit} method, all of the nodes that you retrieve from
   * the tree afterward will already reflect the edit. You only need to
   * use {@link Node#edit} when you have a specific {@link Node} instance that
   * you want to keep and continue to use after an edit.
   */
  edit(edit) {
    const { point, index } = edit.editPoint(this.startPosition, this.startIndex);
    this.startPosition = point;
    this.startIndex = index;
  }
  /** Get the S-expression representation of this node. */
  toString() {
    marshalNode(this);
    const address = C._ts_node_to_string_wasm(this.tree[0]);
    const result = C.AsciiToString(address);
    C._free(address);
    return result;
  }
};

// src/marshal.ts
function unmarshalCaptures(query, tree, address, patternIndex, result) {
  for (let i2 = 0, n = result.length; i2 < n; i2++) {
    const captureIndex = C.getValue(address, "i32");
    address += SIZE_OF_INT;
    const node = unmarshalNode(tree, address);
    address += SIZE_OF_NODE;
    result[i2] = { patternIndex, name: query.captureNames[captureIndex], node };
  }
  return address;
}
__name(unmarshalCaptures, "unmarshalCaptures");
function marshalNode(node, index = 0) {
  let address = TRANSFER_BUFFER + index * SIZE_OF_NODE;
  C.setValue(address, node.id, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.row, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.column, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node[0], "i32");
}
__name(marshalNode, "marshalNode");
function unmarshalNode(tree, address = TRANSFER_BUFFER) {
  const id = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  if (id === 0) return null;
  const index = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const row = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const column = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const other = C.getValue(address, "i32");
  const result = new Node(INTERNAL, {
    id,
    tree,
    startIndex: index,
    startPosition: { row, column },
    other
  });
  return result;
}
__name(unmarshalNode, "unmarshalNode");
function marshalTreeCursor({ handles }, address = TRANSFER_BUFFER) {
  C.setValue(address + 0 * SIZE_OF_INT, handles[0], "i32");
  C.setValue(address + 1 * SIZE_OF_INT, handles[1], "i32");
  C.setValue(address + 2 * SIZE_OF_INT, handles[2], "i32");
  C.setValue(address + 3 * SIZE_OF_INT, handles[3], "i32");
}
__name(marshalTreeCursor, "marshalTreeCursor");
function unmarshalTreeCursor({ handles }) {
  handles[0] = C.getValue(TRANSFER_BUFFER + 0 * SIZE_OF_INT, "i32");
  handles[1] = C.getValue(TRANSFER_BUFFER + 1 * SIZE_OF_INT, "i32");
  handles[2] = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
  handles[3] = C.getValue(TRANSFER_BUFFER + 3 * SIZE_OF_INT, "i32");
}
__name(unmarshalTreeCursor, "unmarshalTreeCursor");
function marshalPoint(address, point) {
  C.setValue(address, point.row, "i32");
  C.setValue(address + SIZE_OF_INT, point.column, "i32");
}
__name(marshalPoint, "marshalPoint");
function unmarshalPoint(address) {
  const result = {
    row: C.getValue(address, "i32") >>> 0,
    column: C.getValue(address + SIZE_OF_INT, "i32") >>> 0
  };
  return result;
}
__name(unmarshalPoint, "unmarshalPoint");
function marshalRange(address, range) {
  marshalPoint(address, range.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, range.endPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, range.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, range.endIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalRange, "marshalRange");
function unmarshalRange(address) {
  const result = {};
  result.startPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.endPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.startIndex = C.getValue(address, "i32") >>> 0;
  address += SIZE_OF_INT;
  result.endIndex = C.getValue(address, "i32") >>> 0;
  return result;
}
__name(unmarshalRange, "unmarshalRange");
function marshalEdit(edit, address = TRANSFER_BUFFER) {
  marshalPoint(address, edit.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.oldEndPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.newEndPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, edit.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.oldEndIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.newEndIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalEdit, "marshalEdit");
function unmarshalLanguageMetadata(address) {
  const major_version = C.getValue(address, "i32");
  const minor_version = C.getValue(address += SIZE_OF_INT, "i32");
  const patch_version = C.getValue(address += SIZE_OF_INT, "i32");
  return { major_version, minor_version, patch_version };
}
__name(unmarshalLanguageMetadata, "unmarshalLanguageMetadata");

// src/language.ts
var LANGUAGE_FUNCTION_REGEX = /^tree_sitter_\w+$/;
var Language = class _Language {
  static {
    __name(this, "Language");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /**
   * A list of all node types in the language. The index of each type in this
   * array is its node type id.
   */
  types;
  /**
   * A list of all field names in the language. The index of each field name in
   * this array is its field id.
   */
  fields;
  /** @internal */
  constructor(internal, address) {
    assertInternal(internal);
    this[0] = address;
    this.types = new Array(C._ts_language_symbol_count(this[0]));
    for (let i2 = 0, n = this.types.length; i2 < n; i2++) {
      if (C._ts_language_symbol_type(this[0], i2) < 2) {
        this.types[i2] = C.UTF8ToString(C._ts_language_symbol_name(this[0], i2));
      }
    }
    this.fields = new Array(C._ts_language_field_count(this[0]) + 1);
    for (let i2 = 0, n = this.fields.length; i2 < n; i2++) {
      const fieldName = C._ts_language_field_name_for_id(this[0], i2);
      if (fieldName !== 0) {
        this.fields[i2] = C.UTF8ToString(fieldName);
      } else {
        this.fields[i2] = null;
      }
    }
  }
  /**
   * Gets the name of the language.
   */
  get name() {
    const ptr = C._ts_language_name(this[0]);
    if (ptr === 0) return null;
    return C.UTF8ToString(ptr);
  }
  /**
   * Gets the ABI version of the language.
   */
  get abiVersion() {
    return C._ts_language_abi_version(this[0]);
  }
  /**
  * Get the metadata for this language. This information is generated by the
  * CLI, and relies on the language author providing the correct metadata in
  * the language's `tree-sitter.json` file.
  */
  get metadata() {
    C._ts_language_metadata_wasm(this[0]);
    const length = C.getValue(TRANSFER_BUFFER, "i32");
    if (length === 0) return null;
    return unmarshalLanguageMetadata(TRANSFER_BUFFER + SIZE_OF_INT);
  }
  /**
   * Gets the number of fields in the language.
   */
  get fieldCount() {
    return this.fields.length - 1;
  }
  /**
   * Gets the number of states in the language.
   */
  get stateCount() {
    return C._ts_language_state_count(this[0]);
  }
  /**
   * Get the field id for a field name.
   */
  fieldIdForName(fieldName) {
    const result = this.fields.indexOf(fieldName);
    return result !== -1 ? result : null;
  }
  /**
   * Get the field name for a field id.
   */
  fieldNameForId(fieldId) {
    return this.fields[fieldId] ?? null;
  }
  /**
   * Get the node type id for a node type name.
   */
  idForNodeType(type, named) {
    const typeLength = C.lengthBytesUTF8(type);
    const typeAddress = C._malloc(typeLength + 1);
    C.stringToUTF8(type, typeAddress, typeLength + 1);
    const result = C._ts_language_symbol_for_name(this[0], typeAddress, typeLength, named ? 1 : 0);
    C._free(typeAddress);
    return result || null;
  }
  /**
   * Gets the number of node types in the language.
   */
  get nodeTypeCount() {
    return C._ts_language_symbol_count(this[0]);
  }
  /**
   * Get the node type name for a node type id.
   */
  nodeTypeForId(typeId) {
    const name2 = C._ts_language_symbol_name(this[0], typeId);
    return name2 ? C.UTF8ToString(name2) : null;
  }
  /**
   * Check if a node type is named.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}
   */
  nodeTypeIsNamed(typeId) {
    return C._ts_language_type_is_named_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Check if a node type is visible.
   */
  nodeTypeIsVisible(typeId) {
    return C._ts_language_type_is_visible_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Get the supertypes ids of this language.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}
   */
  get supertypes() {
    C._ts_language_supertypes_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the subtype ids for a given supertype node id.
   */
  subtypes(supertype) {
    C._ts_language_subtypes_wasm(this[0], supertype);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the next state id for a given state id and node type id.
   */
  nextState(stateId, typeId) {
    return C._ts_language_next_state(this[0], stateId, typeId);
  }
  /**
   * Create a new lookahead iterator for this language and parse state.
   *
   * This returns `null` if state is invalid for this language.
   *
   * Iterating {@link LookaheadIterator} will yield valid symbols in the given
   * parse state. A newly created iterator is not positioned on a symbol, so
   * {@link LookaheadIterator#currentType} returns `null` until the first
   * iteration step.
   *
   * Lookahead iterators can be useful for generating suggestions and improving
   * syntax error diagnostics. To get symbols valid in an `ERROR` node, use the
   * lookahead iterator on its first leaf node state. For `MISSING` nodes, a
   * lookahead iterator created on the previous non-extra leaf node may be
   * appropriate.
   */
  lookaheadIterator(stateId) {
    const address = C._ts_lookahead_iterator_new(this[0], stateId);
    if (address) return new LookaheadIterator(INTERNAL, address, this);
    return null;
  }
  /**
   * Load a language from a WebAssembly module.
   * The module can be provided as a path to a file, a `URL` to a file, or as a
   * buffer.
   */
  static async load(input) {
    let binary2;
    if (input instanceof Uint8Array) {
      binary2 = input;
    } else if (globalThis.process?.versions.node) {
      const fs2 = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 943, 23));
      binary2 = await fs2.readFile(input);
    } else {
      const response = await fetch(input);
      if (!response.ok) {
        const body2 = await response.text();
        throw new Error(`Language.load failed with status ${response.status}.

${body2}`);
      }
      const retryResp = response.clone();
      try {
        binary2 = await WebAssembly.compileStreaming(response);
      } catch (reason) {
        console.error("wasm streaming compile failed:", reason);
        console.error("falling back to ArrayBuffer instantiation");
        binary2 = new Uint8Array(await retryResp.arrayBuffer());
      }
    }
    const mod = await C.loadWebAssemblyModule(binary2, { loadAsync: true });
    return _Language.loadFromWasmExports(mod, { sync: false });
  }
  static loadFromWasmExports(mod, { sync }) {
    const symbolNames = Object.keys(mod);
    const functionName = symbolNames.find((key) => LANGUAGE_FUNCTION_REGEX.test(key) && !key.includes("external_scanner_"));
    if (!functionName) {
      console.log(`Couldn't find language function in Wasm file. Symbols:
${JSON.stringify(symbolNames, null, 2)}`);
      throw new Error(`Language.${sync ? "loadSync" : "load"} failed: no language function found in Wasm file`);
    }
    const languageAddress = mod[functionName]();
    return new _Language(INTERNAL, languageAddress);
  }
  /**
   * Load a language synchronously from a pre-compiled WebAssembly module.
   * Use this when the host environment provides a `WebAssembly.Module` directly.
   */
  static loadSync(wasmModule) {
    const mod = C.loadWebAssemblyModule(wasmModule, { loadAsync: false });
    return _Language.loadFromWasmExports(mod, { sync: true });
  }
};

// src/bindings.ts
var import_web_tree_sitter = __toESM(require_web_tree_sitter(), 1);
var Module2 = null;
async function initializeBinding(moduleOptions) {
  return Module2 ??= await (0, import_web_tree_sitter.default)(moduleOptions);
}
__name(initializeBinding, "initializeBinding");
function checkModule() {
  return !!Module2;
}
__name(checkModule, "checkModule");

// src/parser.ts
var TRANSFER_BUFFER;
var LANGUAGE_VERSION;
var MIN_COMPATIBLE_VERSION;
var finalizer4 = newFinalizer((addresses) => {
  C._ts_parser_delete(addresses[0]);
  C._free(addresses[1]);
});
var Parser = class {
  static {
    __name(this, "Parser");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  [1] = 0;
  // Internal handle for Wasm
  /** @internal */
  logCallback = null;
  /** The parser's current language. */
  language = null;
  /**
   * This must always be called before creating a Parser.
   *
   * You can optionally pass in options to configure the Wasm module, the most common
   * one being `locateFile` to help the module find the `.wasm` file.
   */
  static async init(moduleOptions) {
    setModule(await initializeBinding(moduleOptions));
    TRANSFER_BUFFER = C._ts_init();
    LANGUAGE_VERSION = C.getValue(TRANSFER_BUFFER, "i32");
    MIN_COMPATIBLE_VERSION = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /**
   * Create a new parser.
   */
  constructor() {
    this.initialize();
    finalizer4?.register(this, [this[0], this[1]], this);
  }
  /** @internal */
  initialize() {
    if (!checkModule()) {
      throw new Error("cannot construct a Parser before calling `init()`");
    }
    C._ts_parser_new_wasm();
    this[0] = C.getValue(TRANSFER_BUFFER, "i32");
    this[1] = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /** Delete the parser, freeing its resources. */
  delete() {
    finalizer4?.unregister(this);
    C._ts_parser_delete(this[0]);
    C._free(this[1]);
    this[0] = 0;
    this[1] = 0;
  }
  /**
   * Set the language that the parser should use for parsing.
   *
   * If the language was not successfully assigned, an error will be thrown.
   * This happens if the language was generated with an incompatible
   * version of the Tree-sitter CLI. Check the language's version using
   * {@link Language#version} and compare it to this library's
   * {@link LANGUAGE_VERSION} and {@link MIN_COMPATIBLE_VERSION} constants.
   */
  setLanguage(language) {
    let address;
    if (!language) {
      address = 0;
      this.language = null;
    } else if (language.constructor === Language) {
      address = language[0];
      const version = C._ts_language_abi_version(address);
      if (version < MIN_COMPATIBLE_VERSION || LANGUAGE_VERSION < version) {
        throw new Error(
          `Incompatible language version ${version}. Compatibility range ${MIN_COMPATIBLE_VERSION} through ${LANGUAGE_VERSION}.`
        );
      }
      this.language = language;
    } else {
      throw new Error("Argument must be a Language");
    }
    C._ts_parser_set_language(this[0], address);
    return this;
  }
  /**
   * Parse a slice of UTF8 text.
   *
   * @param {string | ParseCallback} callback - The UTF8-encoded text to parse or a callback function.
   *
   * @param {Tree | null} [oldTree] - A previous syntax tree parsed from the same document. If the text of the
   *   document has changed since `oldTree` was created, then you must edit `oldTree` to match
   *   the new text using {@link Tree#edit}.
   *
   * @param {ParseOptions} [options] - Options for parsing the text.
   *  This can be used to set the included ranges, or a progress callback.
   *
   * @returns {Tree | null} A {@link Tree} if parsing succeeded, or `null` if:
   *  - The parser has not yet had a language assigned with {@link Parser#setLanguage}.
   *  - The progress callback returned true.
   */
  parse(callback, oldTree, options) {
    if (typeof callback === "string") {
      C.currentParseCallback = (index) => callback.slice(index);
    } else if (typeof callback === "function") {
      C.currentParseCallback = callback;
    } else {
      throw new Error("Argument must be a string or a function");
    }
    if (options?.progressCallback) {
      C.currentProgressCallback = options.progressCallback;
    } else {
      C.currentProgressCallback = null;
    }
    if (this.logCallback) {
      C.currentLogCallback = this.logCallback;
      C._ts_parser_enable_logger_wasm(this[0], 1);
    } else {
      C.currentLogCallback = null;
      C._ts_parser_enable_logger_wasm(this[0], 0);
    }
    let rangeCount = 0;
    let rangeAddress = 0;
    if (options?.includedRanges) {
      rangeCount = options.includedRanges.length;
      rangeAddress = C._calloc(rangeCount, SIZE_OF_RANGE);
      let address = rangeAddress;
      for (let i2 = 0; i2 < rangeCount; i2++) {
        marshalRange(address, options.includedRanges[i2]);
        address += SIZE_OF_RANGE;
      }
    }
    const treeAddress = C._ts_parser_parse_wasm(
      this[0],
      this[1],
      oldTree ? oldTree[0] : 0,
      rangeAddress,
      rangeCount
    );
    if (!treeAddress) {
      C.currentParseCallback = null;
      C.currentLogCallback = null;
      C.currentProgressCallback = null;
      return null;
    }
    if (!this.language) {
      throw new Error("Parser must have a language to parse");
    }
    const result = new Tree(INTERNAL, treeAddress, this.language, C.currentParseCallback);
    C.currentParseCallback = null;
    C.currentLogCallback = null;
    C.currentProgressCallback = null;
    return result;
  }
  /**
   * Instruct the parser to start the next parse from the beginning.
   *
   * If the parser previously failed because of a callback, 
   * then by default, it will resume where it left off on the
   * next call to {@link Parser#parse} or other parsing functions.
   * If you don't want to resume, and instead intend to use this parser to
   * parse some other document, you must call `reset` first.
   */
  reset() {
    C._ts_parser_reset(this[0]);
  }
  /** Get the ranges of text that the parser will include when parsing. */
  getIncludedRanges() {
    C._ts_parser_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Set the logging callback that a parser should use during parsing. */
  setLogger(callback) {
    if (!callback) {
      this.logCallback = null;
    } else if (typeof callback !== "function") {
      throw new Error("Logger callback must be a function");
    } else {
      this.logCallback = callback;
    }
    return this;
  }
  /** Get the parser's current logger. */
  getLogger() {
    return this.logCallback;
  }
};

// src/query.ts
var PREDICATE_STEP_TYPE_CAPTURE = 1;
var PREDICATE_STEP_TYPE_STRING = 2;
var QUERY_WORD_REGEX = /[\w-]+/g;
var CaptureQuantifier = {
  Zero: 0,
  ZeroOrOne: 1,
  ZeroOrMore: 2,
  One: 3,
  OneOrMore: 4
};
var isCaptureStep = /* @__PURE__ */ __name((step) => step.type === "capture", "isCaptureStep");
var isStringStep = /* @__PURE__ */ __name((step) => step.type === "string", "isStringStep");
var QueryErrorKind = {
  Syntax: 1,
  NodeName: 2,
  FieldName: 3,
  CaptureName: 4,
  PatternStructure: 5
};
var QueryError = class _QueryError extends Error {
  constructor(kind, info2, index, length) {
    super(_QueryError.formatMessage(kind, info2));
    this.kind = kind;
    this.info = info2;
    this.index = index;
    this.length = length;
    this.name = "QueryError";
  }
  kind;
  info;
  index;
  length;
  static {
    __name(this, "QueryError");
  }
  /** Formats an error message based on the error kind and info */
  static formatMessage(kind, info2) {
    switch (kind) {
      case QueryErrorKind.NodeName:
        return `Bad node name '${info2.word}'`;
      case QueryErrorKind.FieldName:
        return `Bad field name '${info2.word}'`;
      case QueryErrorKind.CaptureName:
        return `Bad capture name @${info2.word}`;
      case QueryErrorKind.PatternStructure:
        return `Bad pattern structure at offset ${info2.suffix}`;
      case QueryErrorKind.Syntax:
        return `Bad syntax at offset ${info2.suffix}`;
    }
  }
};
function parseAnyPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}`
    );
  }
  if (!isCaptureStep(steps[1])) {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}"`
    );
  }
  const isPositive = operator === "eq?" || operator === "any-eq?";
  const matchAll = !operator.startsWith("any-");
  if (isCaptureStep(steps[2])) {
    const captureName1 = steps[1].name;
    const captureName2 = steps[2].name;
    textPredicates[index].push((captures) => {
      const nodes1 = [];
      const nodes2 = [];
      for (const c of captures) {
        if (c.name === captureName1) nodes1.push(c.node);
        if (c.name === captureName2) nodes2.push(c.node);
      }
      const compare = /* @__PURE__ */ __name((n1, n2, positive) => {
        return positive ? n1.text === n2.text : n1.text !== n2.text;
      }, "compare");
      return matchAll ? nodes1.every((n1) => nodes2.some((n2) => compare(n1, n2, isPositive))) : nodes1.some((n1) => nodes2.some((n2) => compare(n1, n2, isPositive)));
    });
  } else {
    const captureName = steps[1].name;
    const stringValue = steps[2].value;
    const matches = /* @__PURE__ */ __name((n) => n.text === stringValue, "matches");
    const doesNotMatch = /* @__PURE__ */ __name((n) => n.text !== stringValue, "doesNotMatch");
    textPredicates[index].push((captures) => {
      const nodes = [];
      for (const c of captures) {
        if (c.name === captureName) nodes.push(c.node);
      }
      const test = isPositive ? matches : doesNotMatch;
      return matchAll ? nodes.every(test) : nodes.some(test);
    });
  }
}
__name(parseAnyPredicate, "parseAnyPredicate");
function parseMatchPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  if (steps[2].type !== "string") {
    throw new Error(
      `Second argument of \`#${operator}\` predicate must be a string. Got @${steps[2].name}.`
    );
  }
  const isPositive = operator === "match?" || operator === "any-match?";
  const matchAll = !operator.startsWith("any-");
  const captureName = steps[1].name;
  const regex = new RegExp(steps[2].value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    const test = /* @__PURE__ */ __name((text, positive) => {
      return positive ? regex.test(text) : !regex.test(text);
    }, "test");
    if (nodes.length === 0) return !isPositive;
    return matchAll ? nodes.every((text) => test(text, isPositive)) : nodes.some((text) => test(text, isPositive));
  });
}
__name(parseMatchPredicate, "parseMatchPredicate");
function parseAnyOfPredicate(steps, index, operator, textPredicates) {
  if (steps.length < 2) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  const isPositive = operator === "any-of?";
  const captureName = steps[1].name;
  const stringSteps = steps.slice(2);
  if (!stringSteps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const values = stringSteps.map((s) => s.value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    if (nodes.length === 0) return !isPositive;
    return nodes.every((text) => values.includes(text)) === isPositive;
  });
}
__name(parseAnyOfPredicate, "parseAnyOfPredicate");
function parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`
    );
  }
  if (!steps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const properties = operator === "is?" ? assertedProperties : refutedProperties;
  if (!properties[index]) properties[index] = {};
  properties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseIsPredicate, "parseIsPredicate");
function parseSetDirective(steps, index, setProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(`Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`);
  }
  if (!steps.every(isStringStep)) {
    throw new Error(`Arguments to \`#set!\` predicate must be strings.".`);
  }
  if (!setProperties[index]) setProperties[index] = {};
  setProperties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseSetDirective, "parseSetDirective");
function parsePattern(index, stepType, stepValueId, captureNames, stringValues, steps, textPredicates, predicates, setProperties, assertedProperties, refutedProperties) {
  if (stepType === PREDICATE_STEP_TYPE_CAPTURE) {
    const name2 = captureNames[stepValueId];
    steps.push({ type: "capture", name: name2 });
  } else if (stepType === PREDICATE_STEP_TYPE_STRING) {
    steps.push({ type: "string", value: stringValues[stepValueId] });
  } else if (steps.length > 0) {
    if (steps[0].type !== "string") {
      throw new Error("Predicates must begin with a literal value");
    }
    const operator = steps[0].value;
    switch (operator) {
      case "any-not-eq?":
      case "not-eq?":
      case "any-eq?":
      case "eq?":
        parseAnyPredicate(steps, index, operator, textPredicates);
        break;
      case "any-not-match?":
      case "not-match?":
      case "any-match?":
      case "match?":
        parseMatchPredicate(steps, index, operator, textPredicates);
        break;
      case "not-any-of?":
      case "any-of?":
        parseAnyOfPredicate(steps, index, operator, textPredicates);
        break;
      case "is?":
      case "is-not?":
        parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties);
        break;
      case "set!":
        parseSetDirective(steps, index, setProperties);
        break;
      default:
        predicates[index].push({ operator, operands: steps.slice(1) });
    }
    steps.length = 0;
  }
}
__name(parsePattern, "parsePattern");
function indexForByteOffset(source, byteOffset) {
  return new TextEncoder().encodeInto(source, new Uint8Array(byteOffset)).read;
}
__name(indexForByteOffset, "indexForByteOffset");
var finalizer5 = newFinalizer((address) => {
  C._ts_query_delete(address);
});
var Query = class {
  static {
    __name(this, "Query");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  exceededMatchLimit;
  /** @internal */
  textPredicates;
  /** @internal */
  source;
  /** The names of the captures used in the query. */
  captureNames;
  /** The quantifiers of the captures used in the query. */
  captureQuantifiers;
  /**
   * The other user-defined predicates associated with the given index.
   *
   * This includes predicates with operators other than:
   * - `match?`
   * - `eq?` and `not-eq?`
   * - `any-of?` and `not-any-of?`
   * - `is?` and `is-not?`
   * - `set!`
   */
  predicates;
  /** The properties for predicates with the operator `set!`. */
  setProperties;
  /** The properties for predicates with the operator `is?`. */
  assertedProperties;
  /** The properties for predicates with the operator `is-not?`. */
  refutedProperties;
  /** The maximum number of in-progress matches for this cursor. */
  matchLimit;
  /**
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  constructor(language, source) {
    const sourceLength = C.lengthBytesUTF8(source);
    const sourceAddress = C._malloc(sourceLength + 1);
    C.stringToUTF8(source, sourceAddress, sourceLength + 1);
    const address = C._ts_query_new(
      language[0],
      sourceAddress,
      sourceLength,
      TRANSFER_BUFFER,
      TRANSFER_BUFFER + SIZE_OF_INT
    );
    if (!address) {
      const errorId = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      const errorByte = C.getValue(TRANSFER_BUFFER, "i32");
      const errorIndex = C.UTF8ToString(sourceAddress, errorByte).length;
      const suffix = source.slice(errorIndex, errorIndex + 100).split("\n")[0];
      const word = suffix.match(QUERY_WORD_REGEX)?.[0] ?? "";
      C._free(sourceAddress);
      switch (errorId) {
        case QueryErrorKind.Syntax:
          throw new QueryError(QueryErrorKind.Syntax, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
        case QueryErrorKind.NodeName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.FieldName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.CaptureName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.PatternStructure:
          throw new QueryError(errorId, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
      }
    }
    const stringCount = C._ts_query_string_count(address);
    const captureCount = C._ts_query_capture_count(address);
    const patternCount = C._ts_query_pattern_count(address);
    const captureNames = new Array(captureCount);
    const captureQuantifiers = new Array(patternCount);
    const stringValues = new Array(stringCount);
    for (let i2 = 0; i2 < captureCount; i2++) {
      const nameAddress = C._ts_query_capture_name_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      captureNames[i2] = C.UTF8ToString(nameAddress, nameLength);
    }
    for (let i2 = 0; i2 < patternCount; i2++) {
      const captureQuantifiersArray = new Array(captureCount);
      for (let j = 0; j < captureCount; j++) {
        const quantifier = C._ts_query_capture_quantifier_for_id(address, i2, j);
        captureQuantifiersArray[j] = quantifier;
      }
      captureQuantifiers[i2] = captureQuantifiersArray;
    }
    for (let i2 = 0; i2 < stringCount; i2++) {
      const valueAddress = C._ts_query_string_value_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      stringValues[i2] = C.UTF8ToString(valueAddress, nameLength);
    }
    const setProperties = new Array(patternCount);
    const assertedProperties = new Array(patternCount);
    const refutedProperties = new Array(patternCount);
    const predicates = new Array(patternCount);
    const textPredicates = new Array(patternCount);
    for (let i2 = 0; i2 < patternCount; i2++) {
      const predicatesAddress = C._ts_query_predicates_for_pattern(address, i2, TRANSFER_BUFFER);
      const stepCount = C.getValue(TRANSFER_BUFFER, "i32");
      predicates[i2] = [];
      textPredicates[i2] = [];
      const steps = new Array();
      let stepAddress = predicatesAddress;
      for (let j = 0; j < stepCount; j++) {
        const stepType = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        const stepValueId = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        parsePattern(
          i2,
          stepType,
          stepValueId,
          captureNames,
          stringValues,
          steps,
          textPredicates,
          predicates,
          setProperties,
          assertedProperties,
          refutedProperties
        );
      }
      Object.freeze(textPredicates[i2]);
      Object.freeze(predicates[i2]);
      Object.freeze(setProperties[i2]);
      Object.freeze(assertedProperties[i2]);
      Object.freeze(refutedProperties[i2]);
    }
    C._free(sourceAddress);
    this[0] = address;
    this.captureNames = captureNames;
    this.captureQuantifiers = captureQuantifiers;
    this.textPredicates = textPredicates;
    this.source = source;
    this.predicates = predicates;
    this.setProperties = setProperties;
    this.assertedProperties = assertedProperties;
    this.refutedProperties = refutedProperties;
    this.exceededMatchLimit = false;
    finalizer5?.register(this, address, this);
  }
  /** Delete the query, freeing its resources. */
  delete() {
    finalizer5?.unregister(this);
    C._ts_query_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Iterate over all of the matches in the order that they were found.
   *
   * Each match contains the index of the pattern that matched, and a list of
   * captures. Because multiple patterns can match the same set of nodes,
   * one match may contain captures that appear *before* some of the
   * captures from a previous match.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  matches(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
    const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
    const startContainingIndex = options.startContainingIndex ?? 0;
    const endContainingIndex = options.endContainingIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
      throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
    }
    if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
      throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_matches_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      startContainingPosition.row,
      startContainingPosition.column,
      endContainingPosition.row,
      endContainingPosition.column,
      startContainingIndex,
      endContainingIndex,
      matchLimit,
      maxStartDepth
    );
    const rawCount = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array(rawCount);
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    let filteredCount = 0;
    let address = startAddress;
    for (let i2 = 0; i2 < rawCount; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captures = new Array(captureCount);
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        result[filteredCount] = { patternIndex, captures };
        const setProperties = this.setProperties[patternIndex];
        result[filteredCount].setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        result[filteredCount].assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        result[filteredCount].refutedProperties = refutedProperties;
        filteredCount++;
      }
    }
    result.length = filteredCount;
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /**
   * Iterate over all of the individual captures in the order that they
   * appear.
   *
   * This is useful if you don't care about which pattern matched, and just
   * want a single, ordered sequence of captures.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  captures(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const startContainingPosition = options.startContainingPosition ?? ZERO_POINT;
    const endContainingPosition = options.endContainingPosition ?? ZERO_POINT;
    const startContainingIndex = options.startContainingIndex ?? 0;
    const endContainingIndex = options.endContainingIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (endContainingIndex !== 0 && startContainingIndex > endContainingIndex) {
      throw new Error("`startContainingIndex` cannot be greater than `endContainingIndex`");
    }
    if (endContainingPosition !== ZERO_POINT && (startContainingPosition.row > endContainingPosition.row || startContainingPosition.row === endContainingPosition.row && startContainingPosition.column > endContainingPosition.column)) {
      throw new Error("`startContainingPosition` cannot be greater than `endContainingPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_captures_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      startContainingPosition.row,
      startContainingPosition.column,
      endContainingPosition.row,
      endContainingPosition.column,
      startContainingIndex,
      endContainingIndex,
      matchLimit,
      maxStartDepth
    );
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array();
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    const captures = new Array();
    let address = startAddress;
    for (let i2 = 0; i2 < count; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      captures.length = captureCount;
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        const capture = captures[captureIndex];
        const setProperties = this.setProperties[patternIndex];
        capture.setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        capture.assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        capture.refutedProperties = refutedProperties;
        result.push(capture);
      }
    }
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /** Get the predicates for a given pattern. */
  predicatesForPattern(patternIndex) {
    return this.predicates[patternIndex];
  }
  /**
   * Disable a certain capture within a query.
   *
   * This prevents the capture from being returned in matches, and also
   * avoids any resource usage associated with recording the capture.
   */
  disableCapture(captureName) {
    const captureNameLength = C.lengthBytesUTF8(captureName);
    const captureNameAddress = C._malloc(captureNameLength + 1);
    C.stringToUTF8(captureName, captureNameAddress, captureNameLength + 1);
    C._ts_query_disable_capture(this[0], captureNameAddress, captureNameLength);
    C._free(captureNameAddress);
  }
  /**
   * Disable a certain pattern within a query.
   *
   * This prevents the pattern from matching, and also avoids any resource
   * usage associated with the pattern. This throws an error if the pattern
   * index is out of bounds.
   */
  disablePattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    C._ts_query_disable_pattern(this[0], patternIndex);
  }
  /**
   * Check if, on its last execution, this cursor exceeded its maximum number
   * of in-progress matches.
   */
  didExceedMatchLimit() {
    return this.exceededMatchLimit;
  }
  /** Get the index where the given pattern starts in the query's source. */
  startIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    const byteOffset = C._ts_query_start_byte_for_pattern(this[0], patternIndex);
    return indexForByteOffset(this.source, byteOffset);
  }
  /** Get the index where the given pattern ends in the query's source. */
  endIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    const byteOffset = C._ts_query_end_byte_for_pattern(this[0], patternIndex);
    return indexForByteOffset(this.source, byteOffset);
  }
  /** Get the number of patterns in the query. */
  patternCount() {
    return C._ts_query_pattern_count(this[0]);
  }
  /** Get the index for a given capture name. */
  captureIndexForName(captureName) {
    return this.captureNames.indexOf(captureName);
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternRooted(patternIndex) {
    return C._ts_query_is_pattern_rooted(this[0], patternIndex) === 1;
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternNonLocal(patternIndex) {
    return C._ts_query_is_pattern_non_local(this[0], patternIndex) === 1;
  }
  /**
   * Check if the step at the given index in the query's source is 'definite'.
   *
   * A query step is 'definite' if its parent pattern will be guaranteed to
   * match successfully once it reaches the step.
   */
  isPatternGuaranteedAtStep(index) {
    const byteOffset = C.lengthBytesUTF8(this.source.slice(0, index));
    return C._ts_query_is_pattern_guaranteed_at_step(this[0], byteOffset) === 1;
  }
};
// Annotate the CommonJS export names for ESM import in node:
0 && (0);
module.exports["default"] = module.exports;
//# sourceMappingURL=web-tree-sitter.cjs.map


/***/ }),

/***/ 564:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// web-tree-sitter's CommonJS build: the bundler follows this require() with the
// "require" export condition, and that build takes the wasm bytes we hand it.
module.exports = __nccwpck_require__(551);


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/analysis/heap.ts
/** Paths read best with variable names: the first variable an object is bound to names it. */
function nameObject(object, name) {
    if (object.named || object.kind === 'param' || object.kind === 'global')
        return;
    object.label = name;
    object.named = true;
}
/** How a struct field is named as a place, wherever it is selected. */
function fieldPlace(field) {
    return `field ${field.file.path}:${field.node.startIndex}`;
}
/**
 * Variables' values and the heap's references, for one entry point. There is
 * one state for the whole function: code that may or may not run (branches,
 * loops, closures) only adds references, and only code that surely runs
 * replaces them, so `bar.foo = nil` on the straight path breaks a cycle.
 */
class State {
    vars = new Map();
    heap = new Map();
    /** Facts of variables, by key. */
    facts = new Map();
    /** Variables other code may change at any time (their address is taken, a later closure or goroutine assigns them): never a fact. */
    shared = new Set();
    /** How many times each variable was assigned: two tests of it test the same value while this stays. */
    assignments = new Map();
    /** How many stores put references into each slot (`id slot`): a slot with the same count holds nothing stored since. */
    writes = new Map();
    /** Nil stores into a slot (`id slot`) made in a branch only, with the branch's condition and the slot's writes then. */
    branchClears = new Map();
    slot(object, slot) {
        return this.heap.get(object.id)?.get(slot) ?? [];
    }
    /** Every edge out of the object, slot by slot, without copying the slots' lists (searches stop early). */
    *edgesFrom(object) {
        for (const list of this.heap.get(object.id)?.values() ?? [])
            yield* list;
    }
    /** Told of every store before it is made. */
    observe;
    /** Which (target, via) pairs each slot's list holds, so adding to a slot costs what is added, not what is there. */
    slotKeys = new WeakMap();
    /** For each slot name, the objects that have that slot, in the order each got it: a search for one slot reads only them. */
    holders = new Map();
    /** The objects with a list in this slot (possibly emptied since). */
    holdersOf(slot) {
        return this.holders.get(slot) ?? [];
    }
    /** Slots (`id slot`) a store surely emptied (`x.f = nil`): an empty list elsewhere may be one nothing was stored into. */
    emptied = new Set();
    store(object, slot, edges, strong) {
        this.observe?.(object, slot, edges);
        if (edges.length) {
            const key = slotKey(object, slot);
            this.writes.set(key, (this.writes.get(key) ?? 0) + 1);
        }
        else if (strong) {
            this.emptied.add(slotKey(object, slot));
        }
        let slots = this.heap.get(object.id);
        if (!slots)
            this.heap.set(object.id, (slots = new Map()));
        const list = slots.get(slot);
        if (!list) {
            const holders = this.holders.get(slot);
            if (holders)
                holders.push(object);
            else
                this.holders.set(slot, [object]);
        }
        // A list of the state's own, so that later additions change no caller's array.
        if (strong)
            slots.set(slot, [...edges]);
        else if (!list)
            slots.set(slot, unionEdges([], edges, this.slotKeys));
        else
            unionEdges(list, edges, this.slotKeys);
    }
}
/** How the state's per-slot records name a slot of an object. */
const slotKey = (object, slot) => `${object.id} ${slot}`;
function unionObjects(a, b) {
    const ids = new Set(a.map((o) => o.id));
    const out = [...a];
    for (const o of b)
        if (!ids.has(o.id))
            (ids.add(o.id), out.push(o));
    return out;
}
/** Adds to `list` the edges of `more` it lacks (same target and via), in order; returns the list. */
function unionEdges(list, more, index) {
    let keys = index.get(list);
    if (!keys)
        index.set(list, (keys = new Set(list.map(edgeKey))));
    for (const edge of more) {
        const key = edgeKey(edge);
        if (keys.has(key))
            continue;
        keys.add(key);
        list.push(edge);
    }
    return list;
}
const edgeKey = (edge) => `${edge.to.id} ${edge.via}`;
/** Lexical scopes: names to variables, created while walking. */
class Scope {
    parent;
    names = new Map();
    constructor(parent) {
        this.parent = parent;
    }
    declare(variable) {
        this.names.set(variable.name, variable);
    }
    lookup(name) {
        return this.names.get(name) ?? this.parent?.lookup(name);
    }
}
/** The package block: its variables, made as the code first names them. */
class PackageScope extends Scope {
    pkg;
    newKey;
    isImport;
    constructor(pkg, newKey, isImport) {
        super();
        this.pkg = pkg;
        this.newKey = newKey;
        this.isImport = isImport;
    }
    lookup(name) {
        let variable = this.names.get(name);
        // A name a file imports cannot also be declared in the package block.
        if (!variable && !this.isImport(name) && this.pkg.vars.has(name)) {
            variable = { key: this.newKey(), name, type: { kind: 'unknown' }, global: true };
            this.names.set(name, variable);
        }
        return variable;
    }
}
/**
 * The runtime function an expression names, runtime.SetFinalizer or runtime.AddCleanup: through the file's
 * import of the runtime package under any name, or a dot import, unless `shadowed` says the name is a local one.
 * A method of the same name (`s.AddCleanup`) is neither.
 */
function runtimeHookNamed(fn, file, shadowed = () => false) {
    let name;
    if (fn?.type === 'selector_expression') {
        const operand = fn.childForFieldName('operand');
        if (operand?.type !== 'identifier' || file.imports.get(operand.text) !== 'runtime' || shadowed(operand.text))
            return undefined;
        name = fn.childForFieldName('field')?.text;
    }
    else if (fn?.type === 'identifier' && file.dotImports.includes('runtime') && !shadowed(fn.text)) {
        name = fn.text;
    }
    return name === 'SetFinalizer' || name === 'AddCleanup' ? name : undefined;
}
/**
 * The expressions inside `node` that may name runtime.SetFinalizer or
 * AddCleanup, in the order they are written: `q.SetFinalizer` selectors and
 * bare `SetFinalizer` identifiers (check them with runtimeHookNamed). Found
 * from where the text spells the names, so a large body costs what its
 * mentions cost, not a walk over all its nodes.
 */
function hookNameNodes(node) {
    const text = node.text;
    const found = [];
    for (const name of ['SetFinalizer', 'AddCleanup']) {
        for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
            const start = node.startIndex + at;
            const named = node.descendantForIndex(start, start + name.length);
            if (!named || named.text !== name)
                continue;
            if (named.type === 'field_identifier' && named.parent?.type === 'selector_expression')
                found.push({ at, node: named.parent });
            else if (named.type === 'identifier')
                found.push({ at, node: named });
        }
    }
    return found.sort((a, b) => a.at - b.at).map((f) => f.node);
}
/** Is this call runtime.SetFinalizer or runtime.AddCleanup (through any import name, not shadowed)? */
function runtimeCallKind(call, file, scope) {
    return runtimeHookNamed(call.childForFieldName('function'), file, (name) => !!scope.lookup(name));
}
/** SetFinalizer(x, nil): removes a finalizer rather than setting one. */
function removesFinalizer(evaluation) {
    return evaluation.kind === 'SetFinalizer' && evaluation.args[1]?.type === 'nil';
}

;// CONCATENATED MODULE: ./src/model/declarations.ts
// What a Go file declares at package level, read from its text without
// parsing it: the names of its functions, types, variables and constants,
// and the receiver types of its methods. One pass over the text, as the Go
// scanner splits it, so no input makes it rescan; what is inside brackets
// (bodies, parameter lists, struct types) is skipped character by character.
const identifierStart = /[\p{L}_]/u;
const identifierPart = /[\p{L}\p{N}_]/u;
/** Keywords after which a line break ends a statement, as Go's semicolon rule says. */
const endingKeywords = new Set(['break', 'continue', 'fallthrough', 'return']);
const keywords = new Set([
    'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto',
    'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var',
]);
/** Keywords that start a declaration: outside brackets, none can go on a statement. */
const declarationKeywords = new Set(['const', 'import', 'type', 'var']);
const code = (c) => c.charCodeAt(0);
const [newline, slash, star, backslash, doubleQuote, singleQuote, backquote] = ['\n', '/', '*', '\\', '"', "'", '`'].map(code);
const isAsciiLetter = (c) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isDigit = (c) => c >= 48 && c <= 57;
const isBlank = (c) => c === 32 || c === 9 || c === 13;
/**
 * Go source as tokens, with the line breaks that end a statement (Go's
 * automatic semicolons) and `;` as `end` tokens. Comments are skipped; one
 * that spans lines counts as a line break.
 */
class Scanner {
    source;
    at = 0;
    /** Whether a line break here ends a statement. */
    ends = false;
    pushedBack = false;
    kind = 'end';
    text = '';
    constructor(source) {
        this.source = source;
    }
    /** Makes the next call of next() give the current token again. */
    pushBack() {
        this.pushedBack = true;
    }
    /** Moves to the next token; false at the end of the text. */
    next() {
        if (this.pushedBack) {
            this.pushedBack = false;
            return true;
        }
        const s = this.source;
        while (this.at < s.length) {
            const c = s.charCodeAt(this.at);
            if (c === newline) {
                this.at++;
                if (this.lineBreak())
                    return true;
            }
            else if (isBlank(c)) {
                this.at++;
            }
            else if (c === slash && s.charCodeAt(this.at + 1) === slash) {
                const end = s.indexOf('\n', this.at);
                this.at = end < 0 ? s.length : end;
            }
            else if (c === slash && s.charCodeAt(this.at + 1) === star) {
                const end = s.indexOf('*/', this.at + 2);
                const close = end < 0 ? s.length : end + 2;
                const spansLines = s.lastIndexOf('\n', close) >= this.at;
                this.at = close;
                if (spansLines && this.lineBreak())
                    return true;
            }
            else {
                return this.token(c);
            }
        }
        return this.lineBreak();
    }
    lineBreak() {
        const ends = this.ends;
        this.ends = false;
        if (ends)
            this.set('end', '\n');
        return ends;
    }
    set(kind, text) {
        this.kind = kind;
        this.text = text;
        return true;
    }
    token(c) {
        const s = this.source;
        const start = this.at;
        if (c === doubleQuote || c === singleQuote || c === backquote) {
            this.skipQuoted(c);
            this.ends = true;
            return this.set('literal', s.slice(start, start + 1));
        }
        if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(start + 1)))) {
            this.at++;
            while (this.at < s.length && this.isNumberPart(s.charCodeAt(this.at)))
                this.at++;
            this.ends = true;
            return this.set('literal', '0');
        }
        if (isAsciiLetter(c) || (c > 127 && identifierStart.test(this.character()))) {
            while (this.at < s.length) {
                const d = s.charCodeAt(this.at);
                if (isAsciiLetter(d) || isDigit(d))
                    this.at++;
                else if (d > 127 && identifierPart.test(this.character()))
                    this.at += this.character().length;
                else
                    break;
            }
            const name = s.slice(start, this.at);
            const keyword = keywords.has(name);
            this.ends = !keyword || endingKeywords.has(name);
            return this.set(keyword ? 'keyword' : 'identifier', name);
        }
        const two = s.slice(start, start + 2);
        const op = two === '++' || two === '--' ? two : s[start];
        this.at += op.length;
        this.ends = op === '++' || op === '--' || op === ')' || op === ']' || op === '}';
        return op === ';' ? this.set('end', ';') : this.set('operator', op);
    }
    /** `1e+5`, `0x1p-2`, `1_000i`: digits, letters, dots, and a sign after an exponent. */
    isNumberPart(c) {
        if (isAsciiLetter(c) || isDigit(c) || c === 46)
            return true;
        const previous = this.source.charCodeAt(this.at - 1) | 32;
        return (c === 43 || c === 45) && (previous === 101 || previous === 112);
    }
    /** The whole character at the current place: one outside the BMP is two code units. */
    character() {
        return String.fromCodePoint(this.source.codePointAt(this.at));
    }
    /** Past a string, rune or raw string; an interpreted one that is not closed ends with its line. */
    skipQuoted(quote) {
        const s = this.source;
        if (quote === backquote) {
            const end = s.indexOf('`', this.at + 1);
            this.at = end < 0 ? s.length : end + 1;
            return;
        }
        let i = this.at + 1;
        for (; i < s.length; i++) {
            const c = s.charCodeAt(i);
            if (c === backslash)
                i++;
            else if (c === quote) {
                i++;
                break;
            }
            else if (c === newline)
                break;
        }
        this.at = i;
    }
    /**
     * Past the bracket the current token opened, to just after the one that
     * closes it, without making tokens of what is inside. Brackets of every
     * kind count alike: code Go accepts closes each with its own kind.
     */
    skipBracket() {
        const s = this.source;
        let depth = 1;
        while (this.at < s.length && depth > 0) {
            const c = s.charCodeAt(this.at);
            if (c === slash && s.charCodeAt(this.at + 1) === slash) {
                const end = s.indexOf('\n', this.at);
                this.at = end < 0 ? s.length : end;
            }
            else if (c === slash && s.charCodeAt(this.at + 1) === star) {
                const end = s.indexOf('*/', this.at + 2);
                this.at = end < 0 ? s.length : end + 2;
            }
            else if (c === doubleQuote || c === singleQuote || c === backquote) {
                this.skipQuoted(c);
            }
            else {
                if (c === 40 || c === 91 || c === 123)
                    depth++;
                else if (c === 41 || c === 93 || c === 125)
                    depth--;
                this.at++;
            }
        }
        this.ends = true;
    }
}
const isOpening = (scanner) => scanner.kind === 'operator' && (scanner.text === '(' || scanner.text === '[' || scanner.text === '{');
/**
 * The index of one file: only declarations at package level count, so a
 * local variable, a struct field or a parameter never makes a lookup read
 * the file. Grouped specs (`var ( a = 1; b, c int )`) each name theirs.
 */
function indexDeclarations(text) {
    const declared = new Set();
    const receivers = new Set();
    const scanner = new Scanner(text);
    const is = (kind, text) => scanner.kind === kind && (text === undefined || scanner.text === text);
    /**
     * Skips the rest of the current statement, the current token included,
     * and stops on the token that ends it: `;`, a line break, or the `)` that
     * closes a group. A declaration keyword cannot go on a statement, so code
     * Go rejects ends before one, as a parser recovers.
     */
    const skipStatement = () => {
        for (let first = true;; first = false) {
            if (is('end') || is('operator', ')'))
                return;
            if (!first && is('keyword') && declarationKeywords.has(scanner.text)) {
                scanner.pushBack();
                return;
            }
            if (isOpening(scanner))
                scanner.skipBracket();
            if (!scanner.next())
                return;
        }
    };
    /** The names of one spec, `a`, or `a, b, c` for var and const; stops on the token after them. */
    const specNames = (list) => {
        while (is('identifier')) {
            declared.add(scanner.text);
            if (!scanner.next() || !list || !is('operator', ',') || !scanner.next())
                return;
        }
    };
    /** The specs of `type`, `var` or `const`, alone or grouped in parentheses. */
    const specs = (list) => {
        if (!scanner.next())
            return;
        if (!is('operator', '(')) {
            specNames(list);
            skipStatement();
            return;
        }
        while (scanner.next() && !is('operator', ')')) {
            if (is('end'))
                continue;
            specNames(list);
            skipStatement();
            if (is('operator', ')'))
                return;
        }
    };
    /** The base type of a receiver, `(l *List[T])` -> List, leaving the scanner after its parenthesis. */
    const receiver = () => {
        const names = [];
        let depth = 1;
        let leading = true;
        while (depth > 0 && scanner.next()) {
            if (is('identifier') && leading)
                names.push(scanner.text);
            else if (!is('operator', '*') && !is('operator', '('))
                leading = false;
            if (isOpening(scanner))
                depth++;
            else if (is('operator', ')') || is('operator', ']') || is('operator', '}'))
                depth--;
            // `(l List)`, `(l *List)`: the type follows the receiver's name.
            if (names.length === 2)
                leading = false;
        }
        const base = names.at(-1);
        if (base)
            receivers.add(base);
    };
    while (scanner.next()) {
        if (is('keyword', 'func')) {
            if (!scanner.next())
                break;
            if (is('operator', '(')) {
                receiver();
                if (!scanner.next())
                    break;
            }
            else if (is('identifier')) {
                declared.add(scanner.text);
                if (!scanner.next())
                    break;
            }
            skipStatement();
        }
        else if (is('keyword', 'type') || is('keyword', 'var') || is('keyword', 'const')) {
            specs(!is('keyword', 'type'));
        }
        else if (!is('end')) {
            skipStatement();
        }
    }
    return { declared, receivers };
}

;// CONCATENATED MODULE: ./src/model/package.ts

/** A loader of files not read yet: each is parsed the first time a lookup wants it, what it may declare indexed from its text on first ask. */
function pendingFiles(sources, parse) {
    const pending = new Set(sources.map((source) => {
        let index;
        const text = source.text ?? '';
        return { source, text, declarations: () => (index ??= indexDeclarations(text)) };
    }));
    return (wanted) => {
        const loaded = [];
        for (const file of pending) {
            if (!wanted(file))
                continue;
            pending.delete(file);
            loaded.push(parse(file.source));
        }
        return loaded;
    };
}
/**
 * A map of declarations that, when asked for a name it lacks, first reads the
 * files that may declare it. A file that declares a name contains it, so the
 * answer is the same as if every file had been read.
 */
class DeclarationMap extends Map {
    onMiss;
    tried = new Set();
    constructor(onMiss) {
        super();
        this.onMiss = onMiss;
    }
    ensure(name, always) {
        if ((always || !super.has(name)) && !this.tried.has(name)) {
            this.tried.add(name);
            this.onMiss(name);
        }
    }
    get(name) {
        this.ensure(name, false);
        return super.get(name);
    }
    has(name) {
        this.ensure(name, false);
        return super.has(name);
    }
    /** Like get, but reads every file that may add to the entry, even when one exists (methods spread over files). */
    complete(name) {
        this.ensure(name, true);
        return super.get(name);
    }
}
/** A letter, digit or underscore: Go identifiers are Unicode. */
const identifierChar = '[\\p{L}\\p{N}_]';
/** The name as a whole word. */
const word = (name) => `(?<!${identifierChar})${name}(?!${identifierChar})`;
function namedChildren(node, type) {
    const out = [];
    for (const child of node.namedChildren) {
        if (child && (!type || child.type === type))
            out.push(child);
    }
    return out;
}
function fieldChildren(node, field) {
    return node.childrenForFieldName(field).filter((c) => c !== null);
}
function stringLiteralValue(node) {
    return node.text.replace(/^["`]|["`]$/g, '');
}
function readImports(root) {
    const imports = new Map();
    const dotImports = [];
    for (const decl of namedChildren(root, 'import_declaration')) {
        const specs = decl.descendantsOfType('import_spec').filter((s) => s !== null);
        for (const spec of specs) {
            const pathNode = spec.childForFieldName('path');
            if (!pathNode)
                continue;
            const importPath = stringLiteralValue(pathNode);
            const alias = spec.childForFieldName('name');
            if (alias?.type === 'dot')
                dotImports.push(importPath);
            else if (alias?.type === 'blank_identifier')
                continue;
            else
                imports.set(alias ? alias.text : importPath.slice(importPath.lastIndexOf('/') + 1), importPath);
        }
    }
    return { imports, dotImports };
}
function readParams(list) {
    if (!list)
        return [];
    if (list.type !== 'parameter_list')
        return [{ typeNode: list, variadic: false }];
    const params = [];
    for (const decl of list.namedChildren) {
        if (!decl)
            continue;
        const typeNode = decl.childForFieldName('type');
        if (!typeNode)
            continue;
        const variadic = decl.type === 'variadic_parameter_declaration';
        const names = fieldChildren(decl, 'name');
        if (names.length === 0)
            params.push({ typeNode, variadic });
        for (const name of names)
            params.push({ name: name.text, typeNode, variadic });
    }
    return params;
}
/** The base type name of a receiver type: `*List[T]` -> List. */
function receiverBase(typeNode) {
    let node = typeNode;
    let pointer = false;
    while (node && (node.type === 'pointer_type' || node.type === 'parenthesized_type')) {
        if (node.type === 'pointer_type')
            pointer = true;
        node = node.namedChild(0);
    }
    if (node?.type === 'generic_type')
        node = node.childForFieldName('type');
    return node?.type === 'type_identifier' ? { typeName: node.text, pointer } : undefined;
}
function addFunc(pkg, node, file) {
    const name = node.childForFieldName('name')?.text;
    if (!name)
        return;
    const decl = {
        name,
        node,
        params: readParams(node.childForFieldName('parameters')),
        results: readParams(node.childForFieldName('result')),
        body: node.childForFieldName('body') ?? undefined,
        file,
    };
    pkg.functions.push(decl);
    if (node.type === 'method_declaration') {
        const recv = readParams(node.childForFieldName('receiver'))[0];
        const base = recv && receiverBase(recv.typeNode);
        if (!base)
            return;
        decl.receiver = { ...base, name: recv.name };
        let methods = Map.prototype.get.call(pkg.methods, base.typeName);
        if (!methods)
            pkg.methods.set(base.typeName, (methods = new Map()));
        methods.set(name, decl);
    }
    else if (name !== 'init' && name !== '_') {
        pkg.funcs.set(name, decl);
    }
}
function addTypes(pkg, decl, file) {
    for (const spec of decl.namedChildren) {
        if (!spec || (spec.type !== 'type_spec' && spec.type !== 'type_alias'))
            continue;
        const name = spec.childForFieldName('name')?.text;
        const typeNode = spec.childForFieldName('type');
        if (!name || !typeNode)
            continue;
        const typeParams = (spec.childForFieldName('type_parameters')?.descendantsOfType('type_parameter_declaration') ?? [])
            .flatMap((p) => (p ? fieldChildren(p, 'name').map((n) => n.text) : []));
        pkg.types.set(name, { name, spec, typeNode, typeParams, isAlias: spec.type === 'type_alias', file });
    }
}
function addVars(pkg, decl, file) {
    // The declaration's own specs: a func literal in an initializer declares locals, not package variables.
    const specs = decl.namedChildren.flatMap((c) => (c?.type === 'var_spec_list' ? c.namedChildren : [c]));
    for (const spec of specs) {
        if (spec?.type !== 'var_spec')
            continue;
        const names = fieldChildren(spec, 'name');
        const values = spec.childForFieldName('value')?.namedChildren ?? [];
        names.forEach((nameNode, i) => {
            pkg.vars.set(nameNode.text, {
                name: nameNode.text,
                nameNode,
                typeNode: spec.childForFieldName('type') ?? undefined,
                value: (names.length === values.length ? values[i] : undefined) ?? undefined,
                file,
            });
        });
    }
}
function addFile(pkg, file) {
    pkg.files.push(file);
    for (const decl of file.tree.rootNode.namedChildren) {
        if (!decl)
            continue;
        if (decl.type === 'function_declaration' || decl.type === 'method_declaration')
            addFunc(pkg, decl, file);
        else if (decl.type === 'type_declaration')
            addTypes(pkg, decl, file);
        else if (decl.type === 'var_declaration')
            addVars(pkg, decl, file);
    }
}
/**
 * The model of a package from the files read so far; `loadMore` reads the
 * rest on demand, when a lookup misses or a caller asks (omit it when every
 * file is given).
 */
function buildPackage(dir, name, files, loadMore = () => []) {
    const load = (wanted) => {
        for (const file of loadMore(wanted))
            addFile(pkg, file);
    };
    // Types, functions and variables share one namespace: a name is looked for once.
    const declaredNames = new Set();
    const byDeclaration = (n) => {
        if (declaredNames.has(n))
            return;
        declaredNames.add(n);
        load((file) => file.declarations().declared.has(n));
    };
    const pkg = {
        dir,
        name,
        files: [],
        types: new DeclarationMap(byDeclaration),
        funcs: new DeclarationMap(byDeclaration),
        methods: new DeclarationMap((n) => load((file) => file.declarations().receivers.has(n))),
        vars: new DeclarationMap(byDeclaration),
        functions: [],
        load,
    };
    for (const file of files)
        addFile(pkg, file);
    return pkg;
}
/** Every method of a package type, reading each file that may declare one. */
function methodsOf(pkg, typeName) {
    return pkg.methods instanceof DeclarationMap ? pkg.methods.complete(typeName) : pkg.methods.get(typeName);
}
function readFileModel(path, source, tree, packagePath) {
    const { imports, dotImports } = readImports(tree.rootNode);
    return { path, source, tree, imports, dotImports, hasErrors: tree.rootNode.hasError, packagePath };
}
/** The package a file of the analysis belongs to: the package analyzed, or another package of its module. */
function packageOfFile(pkg, file) {
    return (file.packagePath && file.packagePath !== pkg.path && pkg.imported?.(file.packagePath)) || pkg;
}

;// CONCATENATED MODULE: ./src/analysis/hook-fields.ts
// Struct fields that hold runtime.SetFinalizer itself: a constructor stores
// the function in a field (`setFinalizer: runtime.SetFinalizer`, overridable
// for tests) and other methods call it (`e.setFinalizer(cm, release)`).
// Calls through such a field are sites wherever the object came from.


const found = new WeakMap();
/** A store into a field named like this: `T{name: v}` or `x.name = v`; its value. */
function storedValues(root, name) {
    const values = [];
    for (const element of root.descendantsOfType('keyed_element')) {
        const [key, value] = element?.namedChildren ?? [];
        if (key?.text === name && value)
            values.push(value.type === 'literal_element' ? (value.namedChild(0) ?? value) : value);
    }
    for (const assignment of root.descendantsOfType(['assignment_statement', 'short_var_declaration'])) {
        const left = assignment?.childForFieldName('left')?.namedChildren ?? [];
        const right = assignment?.childForFieldName('right')?.namedChildren ?? [];
        left.forEach((target, i) => {
            if (target?.type === 'selector_expression' && target.childForFieldName('field')?.text === name)
                values.push(right[i] ?? target);
        });
    }
    return values;
}
/**
 * The names of the package's fields that only ever hold runtime.SetFinalizer
 * (or AddCleanup): every store into a field of that name in the package's
 * code, test files aside (a test may put a fake there), is the runtime's
 * function, and one of the package's struct types declares the name as a
 * func field. A name stored anything else even once is not one.
 */
function hookFields(pkg) {
    let fields = found.get(pkg);
    if (fields)
        return fields;
    const candidates = new Map();
    const code = () => pkg.files.filter((f) => !f.path.endsWith('_test.go'));
    for (const file of code()) {
        if (!/\b(SetFinalizer|AddCleanup)\b/.test(file.source))
            continue;
        for (const selector of hookNameNodes(file.tree.rootNode)) {
            const kind = selector.type === 'selector_expression' ? runtimeHookNamed(selector, file) : undefined;
            const parent = selector?.parent;
            if (!kind || !parent || (parent.type === 'call_expression' && parent.childForFieldName('function')?.id === selector.id))
                continue;
            const element = parent.type === 'literal_element' ? parent.parent : parent;
            const key = element?.type === 'keyed_element' ? element.namedChild(0)?.text : undefined;
            const left = parent.type === 'expression_list' && parent.parent?.type === 'assignment_statement' ? parent.parent.childForFieldName('left') : undefined;
            const target = left?.namedChildren[parent.namedChildren.findIndex((n) => n?.id === selector.id)];
            const name = key ?? (target?.type === 'selector_expression' ? target.childForFieldName('field')?.text : undefined);
            if (name)
                candidates.set(name, kind);
        }
    }
    const hooks = new Map();
    for (const [name, kind] of candidates) {
        pkg.load((file) => file.text.includes(name));
        const declared = [...pkg.types.values()].some((t) => t.typeNode.descendantsOfType('field_declaration').some((f) => f?.childForFieldName('type')?.type === 'function_type' && fieldChildren(f, 'name').some((n) => n.text === name)));
        const values = code().flatMap((file) => storedValues(file.tree.rootNode, name).map((value) => ({ value, file })));
        if (declared && values.every(({ value, file }) => runtimeHookNamed(value, file) === kind))
            hooks.set(name, kind);
    }
    found.set(pkg, hooks);
    return hooks;
}

;// CONCATENATED MODULE: ./src/parse/inline.ts
/** Longer source text in a message is cut here. */
const inlineLimit = 60;
/** A struct or interface type longer than this shows only the members that fit. */
const membersLimit = 40;
/** Deeper than this, source is shown as `...`: it could not fit in a message, and hostile code nests as deep as it likes. */
const inlineDepth = 40;
/**
 * `struct{ a int; b *T }`, as gofmt prints a struct type on one line; the
 * members past what fits in a short type become `...`, so the type reads
 * `struct{ mu sync.Mutex; ... }` in a message, not one field a line.
 */
function membersOnOneLine(keyword, members) {
    if (!members.length)
        return `${keyword}{}`;
    const shown = [];
    for (const member of members) {
        if (`${keyword}{ ${[...shown, member].join('; ')} }`.length > membersLimit) {
            shown.push('...');
            break;
        }
        shown.push(member);
    }
    return `${keyword}{ ${shown.join('; ')} }`;
}
/**
 * Source as written, on one line: comments dropped, line breaks and
 * indentation folded into single spaces, so a `path:line:col:` message stays
 * one line; a struct or interface type reads as gofmt writes it on one line.
 */
function inline(node) {
    let shown = inlined.get(node);
    if (shown === undefined) {
        const text = inlineText(node);
        inlined.set(node, (shown = text.length > inlineLimit ? text.slice(0, inlineLimit - 3) + '...' : text));
    }
    return shown;
}
/** What inline() made of each node: the interpreter labels the objects of a body again each time it runs it. */
const inlined = new WeakMap();
function inlineText(node, depth = 0) {
    if (node.type === 'comment')
        return '';
    if (!node.childCount)
        return node.text;
    if (depth > inlineDepth)
        return '...';
    if (node.type === 'struct_type') {
        const list = node.namedChildren.find((c) => c?.type === 'field_declaration_list');
        return membersOnOneLine('struct', members(list ?? undefined, depth));
    }
    if (node.type === 'interface_type')
        return membersOnOneLine('interface', members(node, depth));
    return fold(node, depth);
}
/** The one-line texts of a struct's fields or an interface's elements, as many as could fit. */
function members(list, depth) {
    const texts = [];
    for (const member of list?.namedChildren ?? []) {
        const text = member ? inlineText(member, depth + 1) : '';
        if (text)
            texts.push(text);
        if (texts.join('; ').length > membersLimit)
            break;
    }
    return texts;
}
/** The children's one-line texts, one space where the source has blanks or line breaks between them, until past the limit. */
function fold(node, depth) {
    // A composite literal's braces hug their elements, as gofmt writes `T{a: 1}`.
    const opening = node.type === 'literal_value' ? /[([{]$/ : /[([]$/;
    const closing = node.type === 'literal_value' ? /^[)\]}]/ : /^[)\]]/;
    let out = '';
    let end = node.startIndex;
    for (const child of node.children) {
        if (!child)
            continue;
        if (out.length > inlineLimit)
            break;
        const text = inlineText(child, depth + 1);
        if (!text)
            continue;
        // A trailing comma before a closing bracket on its own line goes with the line break.
        if (/^[)\]}]/.test(text) && child.startIndex > end && out.endsWith(','))
            out = out.slice(0, -1);
        if (child.startIndex > end && out && !opening.test(out) && !closing.test(text))
            out += ' ';
        out += text;
        end = child.endIndex;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/model/types.ts


const basicTypes = new Set([
    'bool', 'string', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64',
    'uintptr', 'byte', 'rune', 'float32', 'float64', 'complex64', 'complex128',
]);
const unknown = { kind: 'unknown' };
/** Type expressions nested deeper than this (`**...*T`) are read as unknown: a bound, so no type overflows the stack. */
const maxTypeNesting = 100;
let typeNesting = 0;
/** Reads a type expression as written in `file`; type parameters in scope stay symbolic. */
function readType(node, file, typeParams = []) {
    if (!node || typeNesting >= maxTypeNesting)
        return unknown;
    typeNesting++;
    try {
        return readTypeNode(node, file, typeParams);
    }
    finally {
        typeNesting--;
    }
}
function readTypeNode(node, file, typeParams) {
    const read = (n) => readType(n, file, typeParams);
    switch (node.type) {
        case 'type_identifier':
        case 'identifier': {
            const name = node.text;
            if (typeParams.includes(name))
                return { kind: 'typeParam', name };
            if (name === 'any')
                return { kind: 'interface', empty: true };
            if (name === 'error')
                return { kind: 'interface', empty: false };
            if (basicTypes.has(name))
                return { kind: 'basic', name };
            // A name declared in another package of the module is that package's.
            return file.packagePath ? { kind: 'named', name, importPath: file.packagePath, args: [] } : { kind: 'named', name, args: [] };
        }
        case 'qualified_type': {
            const alias = node.childForFieldName('package')?.text ?? '';
            const name = node.childForFieldName('name')?.text ?? '';
            const importPath = file.imports.get(alias) ?? alias;
            if (importPath === 'unsafe' && name === 'Pointer')
                return { kind: 'basic', name: 'unsafe.Pointer' };
            return { kind: 'named', name, importPath, args: [] };
        }
        case 'generic_type': {
            const base = read(node.childForFieldName('type'));
            const args = (node.childForFieldName('type_arguments')?.namedChildren ?? []).map((a) => read(a?.type === 'type_elem' ? a.namedChild(0) : a));
            return base.kind === 'named' ? { ...base, args } : unknown;
        }
        case 'pointer_type':
            return { kind: 'pointer', elem: read(node.namedChild(0)) };
        case 'slice_type':
            return { kind: 'slice', elem: read(node.childForFieldName('element')) };
        case 'array_type':
        case 'implicit_length_array_type': {
            const lengthText = node.childForFieldName('length')?.text;
            const length = lengthText === undefined ? undefined : goInteger(lengthText);
            return { kind: 'array', length, elem: read(node.childForFieldName('element')) };
        }
        case 'map_type':
            return { kind: 'map', key: read(node.childForFieldName('key')), value: read(node.childForFieldName('value')) };
        case 'channel_type':
            return { kind: 'chan', elem: read(node.childForFieldName('value')) };
        case 'function_type': {
            const params = readParams(node.childForFieldName('parameters'));
            return { kind: 'func', params: params.map((p) => read(p.typeNode)), variadic: params.some((p) => p.variadic) };
        }
        case 'interface_type':
            return { kind: 'interface', empty: node.namedChildCount === 0 };
        case 'struct_type':
            return { kind: 'struct', fields: readFields(node, file, typeParams) };
        case 'parenthesized_type':
        case 'type_elem':
            return read(node.namedChild(0));
        default:
            return unknown;
    }
}
function readFields(structNode, file, typeParams) {
    const list = structNode.namedChildren.find((c) => c?.type === 'field_declaration_list');
    const fields = [];
    for (const decl of list?.namedChildren ?? []) {
        if (decl?.type !== 'field_declaration')
            continue;
        const typeNode = decl.childForFieldName('type');
        let type = readType(typeNode, file, typeParams);
        const names = fieldChildren(decl, 'name');
        if (names.length === 0) {
            // Embedded field: `*T` keeps its star as an anonymous token.
            if (decl.children.some((c) => c?.type === '*'))
                type = { kind: 'pointer', elem: type };
            const base = type.kind === 'pointer' ? type.elem : type;
            fields.push({ name: base.kind === 'named' ? base.name : '?', type, embedded: true, node: decl, file });
        }
        for (const name of names)
            fields.push({ name: name.text, type, embedded: false, node: name, file });
    }
    return fields;
}
const writtenTypes = new WeakMap();
/**
 * A type the code of a file writes (a composite literal's, a conversion's,
 * `new`'s and `make`'s, a local variable's), read once per node: a function
 * is interpreted again at each call that inlines it.
 */
function typeWritten(node, file) {
    if (!node)
        return unknown;
    let byNode = writtenTypes.get(file);
    if (!byNode)
        writtenTypes.set(file, (byNode = new Map()));
    let type = byNode.get(node.id);
    if (!type)
        byNode.set(node.id, (type = readType(node, file)));
    return type;
}
/** A Go integer literal's value (0x, 0o, 0b, leading-0 octal, underscores); undefined for anything else. */
function goInteger(text) {
    const digits = text.replace(/_/g, '');
    const match = /^(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|0|[1-9]\d*)$/.exec(digits);
    if (!match)
        return undefined;
    if (/^0[oO]?[0-7]+$/.test(digits))
        return parseInt(digits.replace(/^0[oO]?/, ''), 8);
    return Number(digits);
}
/** The type an object of this static type is: *T -> T; other types stay. */
function pointee(type) {
    return type.kind === 'pointer' ? type.elem : type;
}
const namedTypesOfFile = new WeakMap();
/**
 * The types of other packages a file writes as types (`var h cgo.Handle`,
 * `*C.char`), as `importPath.Name`, read once. `weak.Make[T](nil)` parses as
 * a conversion to a generic type, but may call a generic function: not counted.
 */
function qualifiedTypesIn(file) {
    let names = namedTypesOfFile.get(file);
    if (!names) {
        const instantiation = (type) => type.parent?.type === 'generic_type' && type.parent.parent?.type === 'type_conversion_expression';
        names = new Set(file.tree.rootNode.descendantsOfType('qualified_type').flatMap((type) => {
            const alias = type?.childForFieldName('package')?.text ?? '';
            const importPath = file.imports.get(alias);
            return importPath && !instantiation(type) ? [`${importPath}.${type.childForFieldName('name')?.text}`] : [];
        }));
        namedTypesOfFile.set(file, names);
    }
    return names;
}
const namedTypesOfPackage = new WeakMap();
/** What qualifiedTypesIn gives for every file of the package read so far, gathered as files are read: a lookup per call must not walk every file. */
function qualifiedTypesOfPackage(pkg) {
    let seen = namedTypesOfPackage.get(pkg);
    if (!seen)
        namedTypesOfPackage.set(pkg, (seen = { files: 0, names: new Set() }));
    for (; seen.files < pkg.files.length; seen.files++)
        for (const name of qualifiedTypesIn(pkg.files[seen.files]))
            seen.names.add(name);
    return seen.names;
}
/** The package that declares a named type: this one, or another package of its module; undefined for types from outside the module. */
function declaringPackage(type, pkg) {
    if (type.kind !== 'named')
        return undefined;
    return !type.importPath || type.importPath === pkg.path ? pkg : pkg.imported?.(type.importPath);
}
/** The declaration a named type refers to, in this package or another package of its module. */
function typeDecl(type, pkg) {
    return type.kind === 'named' ? declaringPackage(type, pkg)?.types.get(type.name) : undefined;
}
const declaredTypes = new WeakMap();
/** The type a declaration names (a type's, or a package-level variable's when it writes one), read from its syntax once. */
function declaredType(decl) {
    let type = declaredTypes.get(decl);
    if (!type)
        declaredTypes.set(decl, (type = readType(decl.typeNode, decl.file, 'typeParams' in decl ? decl.typeParams : [])));
    return type;
}
/** Follows named types of the module (and aliases) to their underlying structure; at most a few hops. */
function underlying(type, pkg) {
    let current = type;
    for (let hops = 0; hops < 10; hops++) {
        const decl = typeDecl(current, pkg);
        if (!decl)
            return current;
        current = declaredType(decl);
    }
    return current;
}
function typeName(type) {
    switch (type.kind) {
        case 'named': {
            const pkgPrefix = type.importPath ? type.importPath.slice(type.importPath.lastIndexOf('/') + 1) + '.' : '';
            const args = type.args.length ? `[${type.args.map(typeName).join(', ')}]` : '';
            return pkgPrefix + type.name + args;
        }
        case 'pointer':
            return '*' + typeName(type.elem);
        case 'slice':
            return '[]' + typeName(type.elem);
        case 'array':
            return `[${type.length ?? '...'}]` + typeName(type.elem);
        case 'map':
            return `map[${typeName(type.key)}]${typeName(type.value)}`;
        case 'chan':
            return 'chan ' + typeName(type.elem);
        case 'func':
            return `func(${type.params.map(typeName).join(', ')})`;
        case 'interface':
            return type.empty ? 'any' : 'interface';
        case 'struct':
            return membersOnOneLine('struct', type.fields.map((f) => (f.embedded ? typeName(f.type) : `${f.name} ${typeName(f.type)}`)));
        case 'basic':
            return type.name;
        case 'typeParam':
            return type.name;
        case 'unknown':
            return '?';
    }
}
function sameType(a, b) {
    return typeName(a) === typeName(b) && a.kind !== 'unknown' && b.kind !== 'unknown';
}
const basicSizes = {
    bool: 1, int8: 1, uint8: 1, byte: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, rune: 4, float32: 4,
    int: 8, uint: 8, uintptr: 8, int64: 8, uint64: 8, float64: 8, complex64: 8, complex128: 16,
};
const machineWord = { size: 8, align: 8, pointers: false };
const fourBytes = { size: 4, align: 4, pointers: false };
/**
 * Standard library types whose layout is the same on every 64-bit platform
 * and Go release: handles and counters code keeps in small structs. Any other
 * type of another package has a size this tool cannot know.
 */
const standardLayouts = {
    'syscall.Handle': machineWord,
    'syscall.Signal': machineWord,
    'syscall.Errno': machineWord,
    'runtime/cgo.Handle': machineWord,
    'time.Duration': machineWord,
    'time.Month': machineWord,
    'time.Weekday': machineWord,
    'os.FileMode': fourBytes,
    'io/fs.FileMode': fourBytes,
    'reflect.Kind': machineWord,
    'sync.Mutex': { size: 8, align: 4, pointers: false },
    'sync/atomic.Bool': fourBytes,
    'sync/atomic.Int32': fourBytes,
    'sync/atomic.Uint32': fourBytes,
    'sync/atomic.Int64': machineWord,
    'sync/atomic.Uint64': machineWord,
    'sync/atomic.Uintptr': machineWord,
};
function standardLayout(type) {
    return type.importPath && !type.args.length ? standardLayouts[`${type.importPath}.${type.name}`] : undefined;
}
/**
 * Size and alignment on a 64-bit platform, and whether the type holds any
 * pointer, for types whose every part is known (no unknown parts, no other
 * packages' types but the standard ones above); undefined otherwise.
 */
function layout(type, pkg) {
    // Each type is laid out once per question, so nesting costs linear time; a type inside itself has none.
    const known = new Map();
    const layoutOf = (type, depth) => {
        // A package's named type is one type however many fields name it.
        const key = typeDecl(type, pkg) ?? type;
        if (known.has(key)) {
            const done = known.get(key);
            return done === 'pending' ? undefined : done;
        }
        // Nesting deeper than any type expression can be read is not followed: the layout stays unknown.
        if (depth > maxTypeNesting)
            return undefined;
        known.set(key, 'pending');
        const result = layoutOfType(type, pkg, (inner) => layoutOf(inner, depth + 1));
        known.set(key, result);
        return result;
    };
    return layoutOf(type, 0);
}
function layoutOfType(type, pkg, layoutOf) {
    const under = underlying(type, pkg);
    switch (under.kind) {
        case 'named':
            return standardLayout(under);
        case 'basic': {
            if (under.name in basicSizes) {
                const size = basicSizes[under.name];
                // Complex numbers align like their halves.
                const align = under.name.startsWith('complex') ? size / 2 : Math.min(size, 8);
                return { size, align, pointers: false };
            }
            if (under.name === 'string')
                return { size: 16, align: 8, pointers: true };
            return { size: 8, align: 8, pointers: true }; // unsafe.Pointer
        }
        case 'pointer':
        case 'map':
        case 'chan':
        case 'func':
            return { size: 8, align: 8, pointers: true };
        case 'slice':
            return { size: 24, align: 8, pointers: true };
        case 'interface':
            return { size: 16, align: 8, pointers: true };
        case 'array': {
            const elem = layoutOf(under.elem);
            if (!elem || under.length === undefined)
                return undefined;
            return { size: elem.size * under.length, align: elem.align, pointers: elem.pointers && under.length > 0 };
        }
        case 'struct': {
            let size = 0;
            let align = 1;
            let pointers = false;
            let lastSize = 0;
            for (const field of under.fields) {
                const f = layoutOf(field.type);
                if (!f)
                    return undefined;
                size = Math.ceil(size / f.align) * f.align + f.size;
                align = Math.max(align, f.align);
                pointers ||= f.pointers;
                lastSize = f.size;
            }
            // A struct ending in a zero-size field is padded so a pointer to it stays inside.
            if (under.fields.length && size > 0 && lastSize === 0)
                size += 1;
            return { size: Math.ceil(size / align) * align, align, pointers };
        }
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/model/signatures.ts


const declared = new WeakMap();
/** A declared function's or method's signature; `pkg` is any package of the module that can see the declaration. */
function signatureOf(decl, pkg) {
    let signature = declared.get(decl);
    if (!signature) {
        const typeParams = typeParamsOf(decl, pkg);
        const receiverType = decl.receiver ? decl.node.childForFieldName('receiver')?.namedChild(0)?.childForFieldName('type') : undefined;
        signature = {
            ...readSignature(decl.params, decl.results, decl.file, typeParams),
            receiver: receiverType ? readType(receiverType, decl.file, typeParams) : undefined,
        };
        declared.set(decl, signature);
    }
    return signature;
}
const literals = new WeakMap();
/** A func literal's signature, read once per literal of a file. */
function literalSignature(literal, file) {
    let byNode = literals.get(file);
    if (!byNode)
        literals.set(file, (byNode = new Map()));
    let signature = byNode.get(literal.id);
    if (!signature) {
        signature = readSignature(readParams(literal.childForFieldName('parameters')), readParams(literal.childForFieldName('result')), file, []);
        byNode.set(literal.id, signature);
    }
    return signature;
}
function readSignature(params, results, file, typeParams) {
    const read = (p) => readType(p.typeNode, file, typeParams);
    return { typeParams, params, paramTypes: params.map(read), results, resultTypes: results.map(read) };
}
function typeParamsOf(decl, pkg) {
    const own = (decl.node.childForFieldName('type_parameters')?.descendantsOfType('type_parameter_declaration') ?? []).flatMap((p) => p ? fieldChildren(p, 'name').map((n) => n.text) : []);
    const receiverType = decl.receiver ? packageOfFile(pkg, decl.file).types.get(decl.receiver.typeName) : undefined;
    // Receiver type parameters may be renamed in the method: `func (l *List[E])`.
    const recvNames = decl.node.childForFieldName('receiver')?.descendantsOfType('type_arguments').flatMap((a) => (a?.namedChildren ?? []).map((n) => n?.text ?? '')) ?? [];
    return [...own, ...(receiverType?.typeParams ?? []), ...recvNames];
}

;// CONCATENATED MODULE: ./src/analysis/interpreter/core.ts


/** Bounds the work one root function may cause, so huge packages stay fast; the same bound always gives the same result. */
const stepBudget = 50_000;
/**
 * Bounds the references one root function's run may read and write. A value
 * that may be any of many objects makes one step cost as many, so steps alone
 * leave a long function whose values gather ever more objects quadratic; the
 * corpus's most costly entry point takes under 20,000.
 */
const referenceBudget = 200_000;
/**
 * Of the steps, how many one call interpreted in place may spend, its own
 * calls included: a long constructor (a database's Open) then cannot use up
 * the entry point's budget before the code after it, where the finalizer is
 * set. Past it, the rest of the call is not followed, as a call beyond the
 * inlining bounds is not, without a notice.
 */
const callStepBudget = 10_000;
/**
 * Of the steps, how many one entry point may spend in other packages of the
 * module: enough for constructors and methods that link objects, not for
 * whole subsystems. Once spent, calls into other packages are not followed
 * (as calls beyond the inlining bounds are not), without a notice.
 */
const otherPackagesStepBudget = 500;
/**
 * The most references a summary of a call not followed in place
 * (callee-effects.ts) may hold, and one replay of it may make: replaying
 * costs that at every call, and a function that leaves more (a type
 * checker's method-set computation leaves thousands) or a call passed that
 * many objects is not followed, as without summaries.
 */
const maxSummaryReferences = 1_000;
/**
 * What the run that makes one summary may take: the callees worth a summary
 * are small (constructors, setters, registrations); a larger one is cut
 * short, and a summary cut short is none.
 */
const summaryBudget = { steps: 1_000, references: 10_000, inlineDepth: 2 };
/**
 * Of the references, how many one entry point may spend replaying summaries:
 * a function whose objects stand for many values pays a replay at each call
 * in what those values hold (a compiler's writer passes its whole state
 * along). Past it, calls are not followed, as without summaries.
 */
const replayReferenceBudget = 2_000;
/**
 * How deep the walks over nested code (statements, expressions, types) may
 * go. Deeper code is not analyzed, and a notice says where: a fixed bound,
 * not the size of a thread's stack, decides, so no input overflows the stack
 * and every thread gives the same result.
 */
const maxNesting = 200;
class CoreLayer {
    pkg;
    options;
    nextObject = 1;
    nextVar = 1;
    steps = 0;
    /** The step count past which the innermost call interpreted in place is not followed further (see callStepBudget). */
    callStepLimit = Infinity;
    /** Steps the entry point spent in other packages' code. */
    otherPackagesSteps = 0;
    /** References the entry point read and wrote (see referenceBudget). */
    references = 0;
    /** Of those, the ones its replays of summaries took (see replayReferenceBudget). */
    replayReferences = 0;
    objects = new Map();
    /** The objects of package-level variables, in the order made. */
    globals = [];
    /** The package block of each package whose code runs, made on first use. */
    packageScopes = new Map();
    state = new State();
    run;
    file;
    /** How many enclosing constructs may not run (branches, loops, closures): above zero, stores only add. */
    conditional = 0;
    /** The ids of the enclosing constructs that may not run, outermost first. */
    regions = [];
    /** Of each of those, the condition it runs under, when it is a branch whose condition can be told apart. */
    regionConditions = [];
    nextRegion = 1;
    context = '';
    frame;
    nesting = 0;
    /** The entry point being interpreted, while it is. */
    active;
    /** Entry points whose analysis stopped short, each once, with the first place it did. */
    bounds = [];
    /** Steps of work taken over all entry points: a measure of cost that no clock changes. */
    stepsTaken = 0;
    /** What one root function may take (see InterpreterOptions.budget). */
    budget;
    constructor(pkg, options = {}) {
        this.pkg = pkg;
        this.options = options;
        this.budget = options.budget ?? { steps: stepBudget, references: referenceBudget };
    }
    /** The package the code being interpreted belongs to: the one analyzed, or another of its module. */
    here() {
        return packageOfFile(this.pkg, this.file);
    }
    /** A file of another package of the module than the one analyzed (whose own files may name their package too, as the standard library's summaries read them). */
    inOtherPackage(file) {
        return !!file.packagePath && file.packagePath !== this.pkg.path;
    }
    /** The package block of the code being interpreted. */
    get globalScope() {
        const pkg = this.here();
        let scope = this.packageScopes.get(pkg);
        if (!scope)
            this.packageScopes.set(pkg, (scope = new PackageScope(pkg, () => this.nextVar++, (name) => this.file.imports.has(name))));
        return scope;
    }
    /** One level deeper into nested code; false (and a notice) past maxNesting levels. The caller steps back out. */
    deeper(node) {
        if (this.nesting < maxNesting) {
            this.nesting++;
            return true;
        }
        this.stop(node, `the code nests more than ${maxNesting} levels deep`);
        return false;
    }
    /** Counts one step of the entry point's work; false (and a notice) once the budget is spent. */
    step(node) {
        if (this.inOtherPackage(this.file))
            this.otherPackagesSteps++;
        if (++this.steps > this.callStepLimit)
            return false;
        if (this.options.wholeOnly && this.run.unfollowed.length)
            return false;
        const { steps, references } = this.budget;
        if (this.steps > steps)
            this.stop(node, `it takes more than ${steps} steps`);
        else if (this.references > references)
            this.stop(node, `it reads and writes more than ${references} references`);
        else
            return true;
        return false;
    }
    /** Counts references read or written; the next step stops once they are over budget. */
    touch(references) {
        this.references += references;
    }
    stop(node, reason) {
        const root = this.active;
        if (root && this.bounds.at(-1)?.root !== root)
            this.bounds.push({ root, node, file: this.file, reason });
    }
    object(kind, node, label, type, key) {
        const id = `${kind}:${key ?? `${this.context}/${node.id}`}`;
        let object = this.objects.get(id);
        if (!object) {
            object = { id: this.nextObject++, kind, label, type, node, file: this.file, many: this.conditional > 0 };
            this.objects.set(id, object);
            if (kind === 'global')
                this.globals.push(object);
        }
        return object;
    }
    /** The package-level variables the code has used so far, as objects that hold their values. */
    packageVariables() {
        return this.globals;
    }
    /** The object holding a package-level variable of the code being interpreted, or of `pkg`. */
    globalObject(name, pkg = this.here()) {
        const decl = pkg.vars.get(name);
        if (!decl)
            return undefined;
        const object = this.object('global', decl.nameNode, name, undefined, pkg === this.pkg ? `global:${name}` : `global:${pkg.path}.${name}`);
        object.file = decl.file;
        return object;
    }
    /** Runs code that may not run (a branch: under `condition`): what it stores adds to what is there. */
    maybe(body, condition) {
        this.conditional++;
        this.regions.push(this.nextRegion++);
        this.regionConditions.push(condition);
        try {
            body();
        }
        finally {
            this.regionConditions.pop();
            this.regions.pop();
            this.conditional--;
        }
    }
}

;// CONCATENATED MODULE: ./src/analysis/never-nil.ts
const decided = new WeakMap();
function resultNeverNil(decl) {
    let known = decided.get(decl);
    if (known === undefined)
        decided.set(decl, (known = decide(decl)));
    return known;
}
function decide(decl) {
    if (!decl.body || decl.results.length !== 1)
        return false;
    const returns = returnsOf(decl.body);
    const reassigned = assignedNames(decl.body);
    return (returns.length > 0 &&
        returns.every((ret) => {
            const values = ret.namedChild(0)?.namedChildren ?? [];
            return values.length === 1 && !!values[0] && nonNilAt(values[0], ret, reassigned);
        }));
}
/** The function's own return statements, not those of the func literals in it. */
function returnsOf(body) {
    const found = [];
    const walk = (node) => {
        for (const child of node.namedChildren) {
            if (!child || child.type === 'func_literal')
                continue;
            if (child.type === 'return_statement')
                found.push(child);
            else
                walk(child);
        }
    };
    walk(body);
    return found;
}
/** Names the body assigns to after their declaration: a check on them may no longer hold. */
function assignedNames(body) {
    const names = new Set();
    for (const statement of body.descendantsOfType(['assignment_statement', 'inc_statement', 'dec_statement'])) {
        const left = statement?.childForFieldName('left') ?? statement?.namedChild(0);
        for (const target of left?.type === 'expression_list' ? left.namedChildren : [left]) {
            const root = target?.text.split(/[.[]/)[0];
            if (root)
                names.add(root);
        }
    }
    return names;
}
function nonNilAt(value, ret, reassigned) {
    switch (value.type) {
        case 'parenthesized_expression':
            return !!value.namedChild(0) && nonNilAt(value.namedChild(0), ret, reassigned);
        case 'composite_literal':
        case 'func_literal':
            return true;
        case 'unary_expression':
            return value.child(0)?.type === '&';
        case 'identifier':
        case 'selector_expression': {
            if (reassigned.has(value.text.split('.')[0]))
                return false;
            return before(ret).some((code) => checkedNonNil(code, value.text) || (value.type === 'identifier' && dereferences(code, value.text)));
        }
        default:
            return false;
    }
}
/**
 * The code that surely ran before a statement: the earlier statements of
 * each enclosing block, and the conditions of the `if`s it lies in, each with
 * whether the statement is on the branch where that condition held.
 */
function before(statement) {
    const code = [];
    for (let at = statement; at.parent && at.type !== 'function_declaration' && at.type !== 'method_declaration'; at = at.parent) {
        const parent = at.parent;
        if (parent.type === 'if_statement' && at.id !== parent.childForFieldName('condition')?.id) {
            const condition = parent.childForFieldName('condition');
            if (condition)
                code.push({ node: condition, held: at.id === parent.childForFieldName('consequence')?.id });
        }
        if (parent.type === 'block' || parent.type === 'statement_list') {
            for (let prev = at.previousNamedSibling; prev; prev = prev.previousNamedSibling)
                code.push({ node: prev });
        }
    }
    return code;
}
/** `if x == nil { return ... }` before it, or inside `if x != nil { ... }`. */
function checkedNonNil({ node, held }, name) {
    if (held !== undefined)
        return nilComparison(node, name) === (held ? '!=' : '==');
    if (node.type !== 'if_statement' || node.childForFieldName('alternative'))
        return false;
    const condition = node.childForFieldName('condition');
    const last = lastStatement(node.childForFieldName('consequence'));
    return !!condition && nilComparison(condition, name) === '==' && (last?.type === 'return_statement' || /^panic\(/.test(last?.text ?? ''));
}
function lastStatement(block) {
    const last = block?.namedChildren.at(-1);
    return last?.type === 'statement_list' ? last.namedChildren.at(-1) : last;
}
/** '==' for `name == nil`, '!=' for `name != nil`, either way round. */
function nilComparison(node, name) {
    while (node.type === 'parenthesized_expression' && node.namedChild(0))
        node = node.namedChild(0);
    if (node.type !== 'binary_expression')
        return undefined;
    const op = node.childForFieldName('operator')?.text;
    const sides = [node.childForFieldName('left')?.text, node.childForFieldName('right')?.text];
    return (op === '==' || op === '!=') && sides.includes(name) && sides.includes('nil') ? op : undefined;
}
/** Code that reads a field through the pointer: it would have panicked on nil. */
function dereferences({ node }, name) {
    return [node, ...node.descendantsOfType('selector_expression')].some((s) => s?.type === 'selector_expression' && s.childForFieldName('operand')?.text === name && s.parent?.type !== 'call_expression');
}

;// CONCATENATED MODULE: ./src/model/members.ts
// What a type of the module offers, whatever code asks: its name as one key
// across the module's packages, its method set, and the field or method a
// name selects on it. These answers depend on the type's declaration alone,
// so each is worked out once per declaration for the run.


/** How deep promoted fields and methods are searched through embedded structs. */
const maxEmbeddingDepth = 4;
/** The name of a named type (or pointer to one) of the module. */
function moduleTypeName(type, pkg) {
    if (!type)
        return undefined;
    const base = pointee(type);
    return base.kind === 'named' && declaringPackage(base, pkg) ? base.name : undefined;
}
/** A named type of the module (or a pointer to one) as one key across its packages. */
function moduleTypeKey(type, pkg) {
    const name = moduleTypeName(type, pkg);
    const base = type && pointee(type);
    return name && base?.kind === 'named' ? `${declaringPackage(base, pkg).path ?? ''}.${name}` : undefined;
}
/** The methods declared on a named type of the module (or a pointer to one), read from every file of its package that may declare one. */
function methodSet(type, pkg) {
    const base = pointee(type);
    const owner = declaringPackage(base, pkg);
    return owner && base.kind === 'named' ? methodsOf(owner, base.name) : undefined;
}
/** Members found so far, by the package asking (it resolves the names its own files leave unqualified), declaration and name. */
const members_members = new WeakMap();
/**
 * The field or method a name selects on a type, and the embedded fields it
 * is promoted through. For a named type of the module (or a pointer to one)
 * the answer is its declaration's, found once.
 */
function memberOf(type, name, pkg) {
    const decl = typeDecl(pointee(type), pkg);
    if (!decl)
        return searchMember(type, name, pkg);
    let byDecl = members_members.get(pkg);
    if (!byDecl)
        members_members.set(pkg, (byDecl = new WeakMap()));
    let byName = byDecl.get(decl);
    if (!byName)
        byDecl.set(decl, (byName = new Map()));
    if (!byName.has(name))
        byName.set(name, searchMember(type, name, pkg));
    return byName.get(name);
}
/** Searched level by level: Go picks the shallowest. */
function searchMember(type, name, pkg) {
    let level = [{ type, through: [] }];
    // A named type met again finds nothing new: it was searched earlier, on a path as short or shorter.
    const searched = new Set();
    for (let depth = 0; depth <= maxEmbeddingDepth && level.length; depth++) {
        const next = [];
        for (const { type: current, through } of level) {
            const key = moduleTypeKey(current, pkg);
            if (key !== undefined) {
                if (searched.has(key))
                    continue;
                searched.add(key);
            }
            const method = methodSet(current, pkg)?.get(name);
            if (method)
                return { method, through };
            const base = underlying(current.kind === 'pointer' ? current.elem : current, pkg);
            if (base.kind !== 'struct')
                continue;
            const field = base.fields.find((f) => f.name === name);
            if (field)
                return { field, through };
            for (const f of base.fields)
                if (f.embedded)
                    next.push({ type: f.type, through: [...through, f] });
        }
        level = next;
    }
    return undefined;
}
const implementers = new WeakMap();
/**
 * The types of a package whose declared methods (on `T` or `*T`) include
 * every method of an interface of the module: what a field of that interface
 * may hold among the package's own values. None for an interface that embeds
 * another or lists types (which this model does not resolve), or declares no
 * method.
 */
function implementersOf(iface, pkg) {
    let byPackage = implementers.get(iface);
    if (!byPackage)
        implementers.set(iface, (byPackage = new Map()));
    let found = byPackage.get(pkg);
    if (found)
        return found;
    found = [];
    const elements = iface.typeNode.type === 'interface_type' ? iface.typeNode.namedChildren : [];
    const methods = elements.flatMap((e) => (e?.type === 'method_elem' ? [e.childForFieldName('name')?.text ?? ''] : []));
    if (methods.length && methods.length === elements.filter((e) => e?.type !== 'comment').length) {
        pkg.load(() => true);
        for (const [name, decl] of pkg.types) {
            if (decl.isAlias || decl.typeNode.type === 'interface_type')
                continue;
            const declared = methodsOf(pkg, name);
            if (methods.every((m) => declared?.has(m)))
                found.push(name);
        }
        found.sort();
    }
    byPackage.set(pkg, found);
    return found;
}

;// CONCATENATED MODULE: ./src/analysis/assignments.ts
// What a local variable is set to, read from the syntax of the function that
// declares it: for questions that hold for every value it may have (a type
// all its values share), asked where running the code would not answer.

const functionTypes = ['function_declaration', 'method_declaration', 'func_literal'];
/** The function, method or func literal whose body holds a node. */
function enclosingFunction(node) {
    let current = node.parent;
    while (current && !functionTypes.includes(current.type))
        current = current.parent;
    return current ?? undefined;
}
/**
 * Every value the local variable a name refers to is given in the function
 * that holds the name: the initial values of its declarations, null for
 * `var x T` without one (the zero value), and the right sides of `x = v`.
 * Undefined when something else may set it, or the function does not
 * declare it: a parameter, `&x`, `x += v`, `x++`, a range, an assignment
 * from a call with several results.
 */
function valuesAssigned(name) {
    if (name.type !== 'identifier')
        return undefined;
    const body = enclosingFunction(name);
    if (!body)
        return undefined;
    const text = name.text;
    const values = [];
    let declared = false;
    for (const node of body.descendantsOfType(['var_spec', 'short_var_declaration', 'assignment_statement', 'range_clause', 'unary_expression', 'parameter_declaration', 'inc_statement', 'dec_statement'])) {
        if (!node)
            continue;
        if (node.type === 'unary_expression') {
            if (node.child(0)?.type === '&' && node.childForFieldName('operand')?.text === text)
                return undefined;
            continue;
        }
        // Parameters of a func literal or func type inside only shadow the name there.
        if (node.type === 'parameter_declaration' && node.parent?.parent?.id !== body.id)
            continue;
        if (node.type === 'var_spec') {
            const names = fieldChildren(node, 'name');
            const index = names.findIndex((n) => n.text === text);
            if (index < 0)
                continue;
            const initial = node.childForFieldName('value')?.namedChildren ?? [];
            if (initial.length && initial.length !== names.length)
                return undefined;
            values.push(initial[index] ?? null);
            declared = true;
            continue;
        }
        const left = node.type === 'parameter_declaration' ? null : (node.childForFieldName('left') ?? node.namedChild(0));
        const targets = node.type === 'parameter_declaration' ? fieldChildren(node, 'name') : left?.type === 'expression_list' ? left.namedChildren : [left];
        const index = targets.findIndex((t) => t?.type === 'identifier' && t.text === text);
        if (index < 0)
            continue;
        const plain = node.type === 'short_var_declaration' || (node.type === 'assignment_statement' && node.childForFieldName('operator')?.text === '=');
        if (!plain)
            return undefined;
        const right = node.childForFieldName('right')?.namedChildren ?? [];
        if (right.length !== targets.length)
            return undefined;
        values.push(right[index]);
        if (node.type === 'short_var_declaration')
            declared = true;
    }
    return declared ? values : undefined;
}

;// CONCATENATED MODULE: ./src/analysis/wrappers.ts
// Wrappers: functions that pass their parameters on to runtime.SetFinalizer or
// runtime.AddCleanup, or to another wrapper (`func SetFinalizer(obj, fin any)
// { if enabled { runtime.SetFinalizer(obj, fin) } }`). What such a call does
// depends only on what the wrapper's caller passes, so each call of the
// wrapper is a site of its own. A wrapper is recognized from its declaration
// alone, wherever the declaration comes from.

/** The runtime's functions as a call names them: `runtime.SetFinalizer`, or bare under a dot import. */
const runtimeHookCallee = /(^|\.)(SetFinalizer|AddCleanup)$/;
/** Whether a function passes its parameters on to a call whose callee (as written: `f`, `x.f`) `calls` accepts. */
function forwardsTo(decl, calls) {
    return (decl.body?.descendantsOfType('call_expression') ?? []).some((call) => !!call && calls(call.childForFieldName('function')?.text ?? '') && forwardedParameters(decl, call) !== undefined);
}
const forwarding = new WeakMap();
/** Whether a function passes its own parameters on to runtime.SetFinalizer or AddCleanup itself. */
function forwardsToRuntime(decl) {
    let forwards = forwarding.get(decl);
    if (forwards === undefined)
        forwarding.set(decl, (forwards = forwardsTo(decl, (callee) => runtimeHookCallee.test(callee))));
    return forwards;
}
/**
 * For a call in decl's body: which of decl's parameters each argument is,
 * when every argument is a parameter passed on as it came (the body never
 * assigns it, redeclares its name or takes its address); otherwise undefined.
 */
function forwardedParameters(decl, call) {
    const list = call.childForFieldName('arguments');
    const args = list?.namedChildren ?? [];
    if (!args.length || list?.children.some((c) => c?.type === '...'))
        return undefined;
    const indexes = [];
    for (const arg of args) {
        const name = unparenthesized(arg);
        if (name?.type !== 'identifier')
            return undefined;
        const index = decl.params.findIndex((p) => p.name === name.text && !p.variadic);
        if (index < 0 || reboundNames(decl).has(name.text))
            return undefined;
        indexes.push(index);
    }
    return indexes;
}
function unparenthesized(node) {
    while (node?.type === 'parenthesized_expression')
        node = node.namedChild(0);
    return node;
}
const rebound = new WeakMap();
/** The names a function's body binds anew or may change: assigned, declared (func literal parameters too), or addressed. */
function reboundNames(decl) {
    let names = rebound.get(decl);
    if (names)
        return names;
    names = new Set();
    const add = (node) => {
        const target = unparenthesized(node ?? null);
        if (target?.type === 'identifier')
            names.add(target.text);
    };
    const kinds = ['short_var_declaration', 'assignment_statement', 'inc_statement', 'dec_statement', 'range_clause', 'receive_statement', 'var_spec', 'const_spec', 'parameter_declaration', 'variadic_parameter_declaration', 'type_switch_statement', 'unary_expression'];
    for (const node of decl.body?.descendantsOfType(kinds) ?? []) {
        if (!node)
            continue;
        switch (node.type) {
            case 'inc_statement':
            case 'dec_statement':
                add(node.namedChild(0));
                break;
            case 'var_spec':
            case 'const_spec':
            case 'parameter_declaration':
            case 'variadic_parameter_declaration':
                for (const name of fieldChildren(node, 'name'))
                    add(name);
                break;
            case 'type_switch_statement':
                for (const alias of node.childForFieldName('alias')?.namedChildren ?? [])
                    add(alias);
                break;
            case 'unary_expression':
                if (node.child(0)?.type === '&')
                    add(node.childForFieldName('operand'));
                break;
            default:
                for (const target of node.childForFieldName('left')?.namedChildren ?? [])
                    add(target);
        }
    }
    rebound.set(decl, names);
    return names;
}

;// CONCATENATED MODULE: ./src/analysis/interpreter/types.ts







/** Syntax nodes that spell a type: the argument of `new(T)`, not of Go 1.26's `new(expr)`. */
const typeNodes = new Set([
    'type_identifier', 'qualified_type', 'generic_type', 'pointer_type', 'slice_type', 'array_type', 'implicit_length_array_type',
    'map_type', 'channel_type', 'function_type', 'struct_type', 'interface_type', 'parenthesized_type', 'negated_type',
]);
/** The generic type a conversion names (`f` of `f[T](x)`), which may be a function instantiated. */
function instantiated(type) {
    return type?.type === 'generic_type' ? type.childForFieldName('type') : null;
}
/** How many functions deep the making of an interface's value is looked for. */
const maxMakingDepth = 8;
class TypesLayer extends CoreLayer {
    /** The static type of an expression, as far as the package's declarations tell. */
    typeOf(node, scope) {
        if (!node || !this.deeper(node))
            return { kind: 'unknown' };
        const type = this.typeOfNode(node, scope);
        this.nesting--;
        return type;
    }
    typeOfNode(node, scope) {
        const unknown = { kind: 'unknown' };
        switch (node.type) {
            case 'identifier': {
                const variable = scope.lookup(node.text);
                if (variable && !variable.global)
                    return variable.type;
                const global = this.here().vars.get(node.text);
                if (global) {
                    if (global.typeNode)
                        return declaredType(global);
                    return global.value ? this.typeOf(global.value, this.globalScope) : unknown;
                }
                return unknown;
            }
            case 'parenthesized_expression':
                return this.typeOf(node.namedChild(0), scope);
            case 'unary_expression': {
                const op = node.child(0)?.type;
                const operand = this.typeOf(node.childForFieldName('operand'), scope);
                if (op === '&')
                    return operand.kind === 'unknown' ? unknown : { kind: 'pointer', elem: operand };
                if (op === '*')
                    return operand.kind === 'pointer' ? operand.elem : unknown;
                return unknown;
            }
            case 'composite_literal':
                return typeWritten(node.childForFieldName('type'), this.file);
            case 'selector_expression': {
                const field = this.fieldOf(node, scope);
                return field?.type ?? unknown;
            }
            case 'index_expression': {
                const base = underlying(this.typeOf(node.childForFieldName('operand'), scope), this.pkg);
                if (base.kind === 'slice' || base.kind === 'array')
                    return base.elem;
                if (base.kind === 'map')
                    return base.value;
                return unknown;
            }
            case 'call_expression': {
                const fn = node.childForFieldName('function');
                if (fn?.type === 'identifier' && !scope.lookup(fn.text)) {
                    const argument = node.childForFieldName('arguments')?.namedChild(0);
                    if (fn.text === 'new')
                        return { kind: 'pointer', elem: this.newOfValue(argument, scope) ?? typeWritten(argument, this.file) };
                    if (fn.text === 'make')
                        return typeWritten(argument, this.file);
                }
                const converted = this.conversionType(node, scope);
                if (converted)
                    return converted;
                const callee = this.calleeOf(node, scope);
                return (callee && signatureOf(callee.decl, this.pkg).resultTypes[0]) ?? unknown;
            }
            case 'type_assertion_expression':
                return typeWritten(node.childForFieldName('type'), this.file);
            case 'type_conversion_expression':
                return this.conversionType(node, scope) ?? this.typeOf(node.childForFieldName('operand'), scope);
            case 'interpreted_string_literal':
            case 'raw_string_literal':
                return { kind: 'basic', name: 'string' };
            case 'binary_expression': {
                const operator = node.childForFieldName('operator')?.text ?? '';
                if (['==', '!=', '<', '<=', '>', '>=', '&&', '||'].includes(operator))
                    return { kind: 'basic', name: 'bool' };
                const left = node.childForFieldName('left');
                // An untyped constant takes the other operand's type; a shift has its left operand's.
                const untyped = !left || ['int_literal', 'float_literal', 'rune_literal', 'imaginary_literal'].includes(left.type);
                return this.typeOf(untyped && !['<<', '>>'].includes(operator) ? node.childForFieldName('right') : left, scope);
            }
            case 'int_literal':
                return { kind: 'basic', name: 'int' };
            case 'float_literal':
                return { kind: 'basic', name: 'float64' };
            case 'true':
            case 'false':
                return { kind: 'basic', name: 'bool' };
            default:
                return unknown;
        }
    }
    /**
     * The type a call converts its operand to, when what it calls is a type:
     * a type of the package or a predeclared one (`any(p)`, `error(e)`,
     * `uintptr(x)`, also in parentheses), `unsafe.Pointer(p)`, a type
     * of another package (`cgo.Handle(h)`: one its module declares, or one the
     * package writes as a type somewhere), or a type written out
     * (`interface{}(p)`). Undefined for a call of a function, and for another
     * package's name the package never uses as a type, which may be either.
     */
    conversionType(call, scope) {
        if (call.type === 'type_conversion_expression')
            return this.calleeOf(call, scope) ? undefined : typeWritten(call.childForFieldName('type'), this.file);
        let fn = call.childForFieldName('function');
        while (fn?.type === 'parenthesized_expression')
            fn = fn.namedChild(0);
        if (fn?.type === 'identifier') {
            if (scope.lookup(fn.text) || this.here().funcs.has(fn.text))
                return undefined;
            const type = typeWritten(fn, this.file);
            return type.kind !== 'named' || this.here().types.has(fn.text) ? type : undefined;
        }
        const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand') : undefined;
        const importPath = operand?.type === 'identifier' && !scope.lookup(operand.text) ? this.file.imports.get(operand.text) : undefined;
        const name = fn?.childForFieldName('field')?.text;
        if (!importPath || !name)
            return undefined;
        if (importPath === 'unsafe' && name === 'Pointer')
            return { kind: 'basic', name: 'unsafe.Pointer' };
        if (call.childForFieldName('arguments')?.namedChildCount !== 1)
            return undefined;
        const isType = this.pkg.imported?.(importPath)?.types.has(name) || qualifiedTypesOfPackage(this.here()).has(`${importPath}.${name}`);
        return isType ? { kind: 'named', name, importPath, args: [] } : undefined;
    }
    selected(selector, scope) {
        const name = selector.childForFieldName('field')?.text;
        const operand = selector.childForFieldName('operand');
        return name && operand ? memberOf(this.typeOf(operand, scope), name, this.pkg) : undefined;
    }
    /** The struct field a selector names, looking through pointers and embedded fields. */
    fieldOf(selector, scope) {
        return this.selected(selector, scope)?.field;
    }
    /** The method a selector names on a value of a package type, if it is one. */
    methodOf(selector, scope) {
        return this.selected(selector, scope)?.method;
    }
    /** An object of unknown or interface type, which may be a value of any package type. */
    mayHoldAnything(object) {
        const type = object.type?.kind === 'pointer' ? object.type.elem : object.type;
        if (!type || type.kind === 'unknown')
            return object.kind !== 'alloc';
        return underlying(type, this.pkg).kind === 'interface';
    }
    /**
     * The value of one concrete type that an interface-typed expression surely
     * holds, when every way it is made agrees: a composite literal or a
     * conversion to that type, seen through parentheses, conversions to
     * interfaces, local variables whose every assignment agrees (the zero
     * value aside: a nil interface fails the same checks), and what the
     * module's functions return (SWIG's `r = (I)(SwigcptrT(c)); return r`).
     * Undefined when one way is not known. `file` holds the expression.
     */
    heldValue(node, scope, file) {
        const saved = { file: this.file, steps: this.otherPackagesSteps };
        this.file = file;
        // Asked once per site after the runs: what the last entry point spent in other packages does not bound it.
        this.otherPackagesSteps = 0;
        try {
            return this.made(node, scope, 0);
        }
        finally {
            this.file = saved.file;
            this.otherPackagesSteps = saved.steps;
        }
    }
    made(node, scope, depth) {
        if (!node || depth > maxMakingDepth)
            return undefined;
        const concrete = (type) => type.kind === 'unknown' || underlying(type, this.here()).kind === 'interface' ? undefined : { type, node, file: this.file };
        switch (node.type) {
            case 'parenthesized_expression':
                return this.made(node.namedChild(0), scope, depth);
            case 'composite_literal':
                return concrete(typeWritten(node.childForFieldName('type'), this.file));
            case 'identifier': {
                // A local of the function the name is in: valuesAssigned finds its declaration there.
                if (scope.lookup(node.text)?.global)
                    return undefined;
                const values = valuesAssigned(node)?.filter((value) => value !== null);
                return values?.length ? this.agreeing(values.map((value) => this.made(value, scope, depth + 1))) : undefined;
            }
            case 'call_expression':
            case 'type_conversion_expression': {
                const converted = this.conversionType(node, scope);
                if (converted) {
                    if (underlying(converted, this.here()).kind !== 'interface')
                        return concrete(converted);
                    const operand = node.type === 'call_expression' ? node.childForFieldName('arguments')?.namedChild(0) : node.childForFieldName('operand');
                    return this.made(operand, scope, depth + 1);
                }
                const callee = this.calleeOf(node, scope)?.decl;
                const result = callee && signatureOf(callee, this.pkg).resultTypes[0];
                if (!callee?.body || !result || underlying(result, this.pkg).kind !== 'interface')
                    return concrete(this.typeOf(node, scope));
                const results = callee.body.descendantsOfType('return_statement').filter((r) => r && enclosingFunction(r)?.id === callee.node.id);
                if (!results.length)
                    return undefined;
                const saved = this.file;
                this.file = callee.file;
                try {
                    const inner = new Scope(this.globalScope);
                    return this.agreeing(results.map((r) => this.made(r.namedChild(0)?.namedChild(0), inner, depth + 1)));
                }
                finally {
                    this.file = saved;
                }
            }
            default:
                return concrete(this.typeOf(node, scope));
        }
    }
    /** The first of several made values when all are known and of the same type. */
    agreeing(values) {
        const [first] = values;
        return first && values.every((value) => value && sameType(value.type, first.type)) ? first : undefined;
    }
    /** The package function or method a call invokes, with the receiver expression and promotion path for methods. */
    calleeOf(call, scope) {
        let fn = call.type === 'type_conversion_expression' ? instantiated(call.childForFieldName('type')) : call.childForFieldName('function');
        // `f[T](x)`, `pkg.F[T](x)`: a generic function called with explicit type arguments is that function.
        if (fn?.type === 'index_expression' && ['identifier', 'selector_expression'].includes(fn.childForFieldName('operand')?.type ?? ''))
            fn = fn.childForFieldName('operand');
        if (fn?.type === 'identifier' || fn?.type === 'type_identifier') {
            if (scope.lookup(fn.text) && !scope.lookup(fn.text)?.global)
                return undefined;
            const decl = this.here().funcs.get(fn.text);
            return decl ? { decl, through: [] } : undefined;
        }
        // `pkg.F[T](x)` with one argument parses as a conversion to the generic type `pkg.F[T]`.
        if (fn?.type === 'qualified_type')
            return this.importedFunction(fn.childForFieldName('package'), fn.childForFieldName('name'), scope);
        const imported = fn?.type === 'selector_expression' ? this.importedFunction(fn.childForFieldName('operand'), fn.childForFieldName('field'), scope) : undefined;
        if (imported)
            return imported;
        if (fn?.type === 'selector_expression') {
            const member = this.selected(fn, scope);
            return member?.method ? { decl: member.method, receiver: fn.childForFieldName('operand') ?? undefined, through: member.through } : undefined;
        }
        return undefined;
    }
    /**
     * A method called through an interface whose dynamic type the heap shows:
     * every object the operand may hold was made here as the same type of the
     * module (`var c io.Closer = t; c.Close()`). Only for operands that are
     * names and fields, so looking does not run code twice.
     */
    dynamicCallee(fn, scope) {
        const operand = fn.childForFieldName('operand');
        const name = fn.childForFieldName('field')?.text;
        let path = operand;
        while (path?.type === 'selector_expression')
            path = path.childForFieldName('operand');
        if (!operand || !name || path?.type !== 'identifier')
            return undefined;
        if (underlying(this.typeOf(operand, scope), this.pkg).kind !== 'interface')
            return undefined;
        const receivers = this.evaluate(operand, scope);
        const typeKeys = new Set(receivers.map((o) => (o.kind === 'alloc' ? moduleTypeKey(o.type, this.pkg) : undefined)));
        const [typeKey] = typeKeys;
        const decl = typeKeys.size === 1 && typeKey ? methodSet(receivers[0].type, this.pkg)?.get(name) : undefined;
        return decl ? { decl, receivers, through: [] } : undefined;
    }
    /**
     * `pkg.F` naming a function of another package of the module, while the
     * entry point may still spend steps there, or one that passes its
     * parameters on to the runtime (a wrapper: its call is a site, however
     * much the entry point spent before it).
     */
    importedFunction(alias, nameNode, scope) {
        const name = nameNode?.text;
        if ((alias?.type !== 'identifier' && alias?.type !== 'package_identifier') || !name || scope.lookup(alias.text))
            return undefined;
        const path = this.file.imports.get(alias.text);
        const spent = this.otherPackagesSteps >= otherPackagesStepBudget;
        // Past the budget, a package that cannot wrap is not even opened.
        if (!path || (spent && !this.pkg.mayWrap?.(path)))
            return undefined;
        const decl = this.pkg.imported?.(path)?.funcs.get(name);
        return decl && (!spent || forwardsToRuntime(decl)) ? { decl, through: [] } : undefined;
    }
    /** Whether an expression's value is a struct or array held by value: assigning it copies. */
    isValueType(node, scope) {
        return this.isValueKind(this.typeOf(node, scope));
    }
    isValueKind(type) {
        const kind = underlying(type, this.pkg).kind;
        return kind === 'struct' || kind === 'array';
    }
    /**
     * The type of the value in Go 1.26's `new(expr)` (`new(42)`, `new(f())`,
     * `new(x)` of a variable x); undefined for `new(T)` of a type.
     */
    newOfValue(argument, scope) {
        if (!argument)
            return undefined;
        if (argument.type === 'type_identifier' || argument.type === 'identifier') {
            const variable = scope.lookup(argument.text);
            return variable && (variable.global ? this.typeOf(argument, scope) : variable.type);
        }
        return typeNodes.has(argument.type) ? undefined : this.typeOf(argument, scope);
    }
}

;// CONCATENATED MODULE: ./src/analysis/interpreter/facts.ts




const negation = { true: 'false', false: 'true' };
/** Operands whose value never changes. */
const literalOperands = new Set(['nil', 'true', 'false', 'int_literal', 'float_literal', 'rune_literal', 'interpreted_string_literal', 'raw_string_literal']);
/** The zero value's fact for a declared type: nil for pointers, slices, maps, channels, funcs and interfaces; false for bool. */
function zeroFact(type) {
    switch (type?.kind) {
        case 'pointer':
        case 'slice':
        case 'map':
        case 'chan':
        case 'func':
        case 'interface':
            return 'nil';
        case 'basic':
            return type.name === 'bool' ? 'false' : undefined;
        default:
            return undefined;
    }
}
class FactsLayer extends TypesLayer {
    /**
     * Variables with a smaller key belong to code outside the closure or
     * goroutine being interpreted, which runs at some later time: their facts
     * do not hold there.
     */
    factFloor = 0;
    /** Runs code that runs at some later time (a goroutine, a stored closure): the facts of the code around it do not hold there. */
    later(body) {
        const saved = this.factFloor;
        this.factFloor = this.nextVar;
        try {
            return body();
        }
        finally {
            this.factFloor = saved;
        }
    }
    /** What the facts say of an expression's value, without evaluating it. */
    factOf(node, scope) {
        if (!node || !this.deeper(node))
            return undefined;
        const fact = this.factOfNode(node, scope);
        this.nesting--;
        return fact;
    }
    factOfNode(node, scope) {
        switch (node.type) {
            case 'parenthesized_expression':
                return this.factOf(node.namedChild(0), scope);
            case 'nil':
                return 'nil';
            case 'true':
            case 'false':
                return node.type;
            case 'func_literal':
            case 'composite_literal':
                return 'non-nil';
            case 'identifier': {
                const variable = scope.lookup(node.text);
                return variable && !variable.global && variable.key >= this.factFloor ? this.state.facts.get(variable.key) : undefined;
            }
            case 'unary_expression': {
                const op = node.child(0)?.type;
                if (op === '&')
                    return 'non-nil';
                const operand = op === '!' ? this.factOf(node.childForFieldName('operand'), scope) : undefined;
                return operand && negation[operand];
            }
            case 'call_expression': {
                const fn = node.childForFieldName('function');
                const builtin = fn?.type === 'identifier' && !scope.lookup(fn.text) && !this.here().funcs.has(fn.text);
                if (builtin)
                    return fn.text === 'new' || fn.text === 'make' ? 'non-nil' : undefined;
                const callee = this.calleeOf(node, scope);
                return callee && resultNeverNil(callee.decl) ? 'non-nil' : undefined;
            }
            case 'binary_expression':
                return this.comparisonFact(node, scope);
            default:
                return undefined;
        }
    }
    /** `a == b`, `a != b`, `a && b`, `a || b` when the facts of both sides decide it. */
    comparisonFact(node, scope) {
        const op = node.childForFieldName('operator')?.text;
        const left = this.factOf(node.childForFieldName('left'), scope);
        const right = this.factOf(node.childForFieldName('right'), scope);
        if (op === '&&')
            return left === 'false' || right === 'false' ? 'false' : left === 'true' && right === 'true' ? 'true' : undefined;
        if (op === '||')
            return left === 'true' || right === 'true' ? 'true' : left === 'false' && right === 'false' ? 'false' : undefined;
        if ((op !== '==' && op !== '!=') || !left || !right)
            return undefined;
        // Two non-nil pointers may or may not be equal; every other pair of facts decides.
        if (left === 'non-nil' && right === 'non-nil')
            return undefined;
        return (left === right) === (op === '==') ? 'true' : 'false';
    }
    /**
     * Records a variable's new fact. A new variable, or one assigned where it
     * was declared, gets it; one assigned in code that may not run keeps a fact
     * only when both values agree.
     */
    setFact(variable, fresh, fact) {
        const { facts, shared } = this.state;
        this.assigned(variable);
        if (variable.key < this.factFloor)
            shared.add(variable.key);
        const sure = fresh || variable.level === this.regions.length;
        if (fact && !shared.has(variable.key) && (sure || facts.get(variable.key) === fact))
            facts.set(variable.key, fact);
        else
            facts.delete(variable.key);
    }
    /** A variable got a new value (`x = v`, `x += v`, `x++`): a test of it made before tests another value. */
    assigned(variable) {
        this.state.assignments.set(variable.key, (this.state.assignments.get(variable.key) ?? 0) + 1);
    }
    /**
     * What an undecided branch condition tests, and whether it holds in the
     * branch: `started` and `!started`, `x == nil` and `x != nil` test the
     * same thing as long as their variables are not assigned between. Only local variables that no other code may change, constants
     * and literals take part.
     */
    conditionOf(node, scope) {
        let holds = true;
        // A loop, not a recursion: `!!!x` nests as deep as the code.
        while (node?.type === 'parenthesized_expression' || (node?.type === 'unary_expression' && node.child(0)?.type === '!')) {
            if (node.type === 'unary_expression')
                holds = !holds;
            node = node.type === 'unary_expression' ? node.childForFieldName('operand') : node.namedChild(0);
        }
        if (node?.type === 'identifier') {
            const test = this.stableOperand(node, scope);
            return test ? { test, holds } : undefined;
        }
        // Equality only: `a < b` and `a >= b` are both false when a float is NaN.
        const op = node?.type === 'binary_expression' ? node.childForFieldName('operator')?.text : undefined;
        if (op !== '==' && op !== '!=')
            return undefined;
        const left = this.stableOperand(node.childForFieldName('left'), scope);
        const right = this.stableOperand(node.childForFieldName('right'), scope);
        if (!left || !right)
            return undefined;
        // `nil == x` tests what `x == nil` does.
        const [first, second] = right < left ? [right, left] : [left, right];
        return { test: `${first} == ${second}`, holds: holds === (op === '==') };
    }
    /** A condition's operand as a key: a local variable with how often it was assigned, a constant's name, a literal. */
    stableOperand(node, scope) {
        if (!node)
            return undefined;
        if (literalOperands.has(node.type))
            return `literal ${node.text}`;
        if (node.type !== 'identifier')
            return undefined;
        const variable = scope.lookup(node.text);
        // Not a variable: a constant (or a function) of the package or of the universe.
        if (!variable)
            return `name ${node.text}`;
        if (variable.global || variable.key < this.factFloor || this.state.shared.has(variable.key))
            return undefined;
        return `var ${variable.key}#${this.state.assignments.get(variable.key) ?? 0}`;
    }
    /**
     * A nil store into one object's slot, in a branch only. When a branch under
     * the complementary condition cleared the same slot before, with nothing
     * stored into it since, one of the two clears runs on every path (`if
     * started { x.p = nil }`, then a deferred `if !started { x.p = nil }`): the
     * slot is cleared for sure. Only a branch directly in the function's
     * surely-run code counts, so that no other branch or loop decides whether
     * the pair runs.
     */
    clearInBranch(holder, slot) {
        const condition = this.regionConditions.at(-1);
        if (this.conditional !== 1 || !condition || holder.many)
            return;
        const key = slotKey(holder, slot);
        const writes = this.state.writes.get(key) ?? 0;
        const earlier = this.state.branchClears.get(key);
        if (earlier && earlier.writes === writes && earlier.condition.test === condition.test && earlier.condition.holds !== condition.holds) {
            this.state.store(holder, slot, [], true);
            this.state.branchClears.delete(key);
        }
        else {
            this.state.branchClears.set(key, { condition, writes });
        }
    }
    /** A nil pointer stored in an interface makes a non-nil interface: only the literal nil is nil there. */
    factInto(type, value, fact) {
        return fact === 'nil' && value?.type !== 'nil' && type && underlying(type, this.pkg).kind === 'interface' ? undefined : fact;
    }
}

;// CONCATENATED MODULE: ./src/analysis/interpreter/links.ts



/** Objects the code did not make: they may already be linked to anything. */
const existingKinds = new Set(['param', 'lazy', 'global']);
/** How many objects a store's values are followed through to decide whether it links. */
const linkSearchLimit = 200;
/**
 * A value that leaves its place without some of what it held: nil, a
 * shortened slice, `append(s[:i], s[i+1:]...)`, slices.Delete. A fresh
 * container (`make`, `T{}`) is left out: that is how constructors start.
 */
function isRemovalValue(node, file) {
    switch (node.type) {
        case 'nil':
        case 'slice_expression':
            return true;
        case 'call_expression': {
            const fn = node.childForFieldName('function');
            const args = node.childForFieldName('arguments');
            if (fn?.type === 'identifier')
                return fn.text === 'append' && !!args?.children.some((c) => c?.type === '...');
            const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand') : undefined;
            return operand?.type === 'identifier' && file.imports.get(operand.text) === 'slices' && /^Delete/.test(fn.childForFieldName('field')?.text ?? '');
        }
        case 'parenthesized_expression':
            return !!node.namedChild(0) && isRemovalValue(node.namedChild(0), file);
        default:
            return false;
    }
}
class LinksLayer extends FactsLayer {
    /** Every removal the interpreted code may make. */
    removals = [];
    /** Every store of another value into a field. */
    links = [];
    /** The links of the current entry point stored into objects it made, judged when it is done. */
    linksIntoMade = [];
    /** What the current entry point hands to other packages' code or to function values: that code may keep it. */
    escaped = [];
    /**
     * The references each nil store of the current entry point clears, through
     * a variable that may be one of several objects (`e.waiters = nil`):
     * whichever object it is, what was reached through it is let go of, after
     * any link made before it in the code it surely follows.
     */
    clears = [];
    moments = 0;
    copySlots(from, to) {
        for (const [slot, edges] of this.state.heap.get(from.id) ?? [])
            this.state.store(to, slot, edges, false);
    }
    /** A struct value copied from what may be any of `values`: it holds what they hold, but is none of them. */
    copyOf(values, node, label, type) {
        const copy = this.object('alloc', node, label, type);
        for (const value of values)
            this.copySlots(value, copy);
        return copy;
    }
    via(holder, slot) {
        const typeName = moduleTypeName(holder.type, this.pkg);
        return typeName ? `${typeName}.${slot}` : `${holder.label}.${slot}`;
    }
    edges(values, via, node, field, sure = this.conditional === 0, place = field && fieldPlace(field)) {
        this.touch(values.length);
        return values.map((to) => ({
            to,
            via,
            node,
            file: this.file,
            field: field ? { node: field.node, file: field.file } : undefined,
            sure,
            place,
        }));
    }
    /** The field or package-level variable an expression stores into; an element's place is its container's. */
    placeOf(node, scope) {
        switch (node?.type) {
            case 'parenthesized_expression':
                return this.placeOf(node.namedChild(0), scope);
            case 'index_expression':
                return this.placeOf(node.childForFieldName('operand'), scope);
            case 'selector_expression': {
                const field = this.fieldOf(node, scope);
                return field && fieldPlace(field);
            }
            case 'identifier': {
                const variable = scope.lookup(node.text);
                return (variable ? variable.global : this.here().vars.has(node.text)) ? `var ${node.text}` : undefined;
            }
            default:
                return undefined;
        }
    }
    recordLink(holder, slot, edges) {
        const first = edges[0];
        if (!first?.place?.startsWith('field '))
            return;
        const present = this.state.slot(holder, slot);
        // Storing the holder itself, or what the slot already holds, links nothing new (a scan, not a set: few values are stored at once).
        const queue = edges.map((e) => e.to).filter((o) => o.id !== holder.id && !present.some((e) => e.to.id === o.id));
        const seen = new Set(queue.map((o) => o.id));
        const types = new Set();
        const existingTypes = new Set();
        const made = [];
        // What an existing object leads to was linked before this store: it says nothing of what the store puts in.
        const beyondExisting = new Set();
        let links = false;
        for (let i = 0; i < queue.length && i < linkSearchLimit; i++) {
            const object = queue[i];
            if (object.kind === 'opaque')
                continue;
            const type = moduleTypeKey(object.type, this.pkg) ?? '?';
            types.add(type);
            const madeHere = object.kind === 'alloc' && type !== '?';
            if (beyondExisting.has(object.id)) {
                // Linked before this store: what it holds says nothing of what the store puts in.
            }
            else if (madeHere)
                made.push({ type, object });
            else if (type !== '?' || this.mayHoldAnything(object))
                existingTypes.add(type);
            if (object.id === holder.id || existingKinds.has(object.kind))
                links = true;
            for (const edge of this.state.edgesFrom(object)) {
                // Objects queued past the limit are never looked at: a large object's other edges need no reading.
                if (queue.length >= linkSearchLimit)
                    break;
                if (seen.has(edge.to.id))
                    continue;
                seen.add(edge.to.id);
                queue.push(edge.to);
                if (!madeHere || beyondExisting.has(object.id))
                    beyondExisting.add(edge.to.id);
            }
        }
        if (!types.size)
            return;
        const link = { place: first.place, node: first.node, file: first.file, types, existingTypes, made, run: this.run, links };
        this.links.push(link);
        if (holder.kind === 'alloc')
            this.linksIntoMade.push({ link, holder, when: this.moment() });
    }
    /** Where the code is now: a later moment whose regions start with these surely follows. */
    moment() {
        return { order: this.moments++, regions: [...this.regions] };
    }
    /**
     * What outlives the entry point once it is done: its receiver and
     * parameters, the package-level variables it stored into, objects of other
     * packages, what it returns, what it hands to other packages' code, and
     * what the goroutines it starts hold.
     */
    outliving(parameters) {
        // A package-level variable the entry point stored nothing into leads nowhere: only those it did are walked from.
        const roots = [...parameters, ...this.globals.filter((g) => this.state.heap.has(g.id)), ...this.escaped, ...this.frame.returns.flat()];
        for (const result of this.frame.results)
            roots.push(...(this.state.vars.get(result.key) ?? []));
        for (const goroutine of this.run.goroutines)
            for (const held of goroutine.held)
                roots.push(...held.objects);
        for (const slots of this.state.heap.values())
            for (const edges of slots.values())
                for (const edge of edges)
                    if (edge.to.kind === 'opaque')
                        roots.push(edge.to);
        for (const objects of this.state.vars.values())
            for (const object of objects)
                if (object.kind === 'opaque')
                    roots.push(object);
        return roots;
    }
    /**
     * A store into an object the entry point made links nothing when, once it
     * is done, nothing that outlives it reaches that object any more. The
     * value was let go of, or the reference that held it was cleared right
     * after the link was made (`w <- r` for each waiter, then
     * `e.waiters = nil`).
     */
    dropLinksLetGo(outliving) {
        if (!this.linksIntoMade.length)
            return;
        const roots = outliving();
        const reachable = (cleared) => {
            const reached = new Set(roots.map((o) => o.id));
            const queue = [...roots];
            while (queue.length) {
                for (const edge of this.state.edgesFrom(queue.pop())) {
                    if (reached.has(edge.to.id) || cleared.has(edge))
                        continue;
                    reached.add(edge.to.id);
                    queue.push(edge.to);
                }
            }
            return reached;
        };
        // One walk with every reference; taking references away only reaches less, so a holder it misses is let go whatever the clears.
        const reachedWithAll = reachable(new Set());
        // What is reached without the references that the clears surely following a link take away, by the clears.
        const reachedWithout = new Map();
        const letGo = new Set();
        for (const { link, holder, when } of this.linksIntoMade) {
            if (!reachedWithAll.has(holder.id)) {
                letGo.add(link);
                continue;
            }
            const following = this.clears.filter((c) => c.when.order > when.order && c.when.regions.every((r, i) => when.regions[i] === r));
            if (!following.length)
                continue;
            const key = following.map((c) => c.when.order).join(' ');
            let reached = reachedWithout.get(key);
            if (!reached)
                reachedWithout.set(key, (reached = reachable(new Set(following.flatMap((c) => c.edges)))));
            if (!reached.has(holder.id))
                letGo.add(link);
        }
        // Only this entry point's links can be let go: the package's earlier ones stay where they are.
        if (letGo.size) {
            let kept = this.links.lastIndexOf(this.linksIntoMade[0].link);
            for (let i = kept; i < this.links.length; i++)
                if (!letGo.has(this.links[i]))
                    this.links[kept++] = this.links[i];
            this.links.length = kept;
        }
        this.linksIntoMade = [];
    }
    removal(target, scope, statement) {
        const place = this.placeOf(target, scope);
        if (place)
            this.removals.push({ place, node: statement, file: this.file });
    }
}

;// CONCATENATED MODULE: ./src/analysis/std-calls.ts
/** The place the handles of runtime/cgo are kept, so that a `Delete` counts as a removal from it. */
const cgoHandlePlace = 'var runtime/cgo handles';
const timeType = (name) => ({ kind: 'named', name, importPath: 'time', args: [] });
const cgoHandle = { kind: 'named', name: 'Handle', importPath: 'runtime/cgo', args: [] };
const results = new Map([
    // The timer keeps its function for Reset, after it fired too.
    ['time.AfterFunc', { type: timeType('Timer'), holds: [{ argument: 1, via: 'time.AfterFunc callback' }] }],
    ['time.NewTimer', { type: timeType('Timer'), holds: [] }],
    ['time.NewTicker', { type: timeType('Ticker'), holds: [] }],
    // The handle table keeps the value until h.Delete().
    ['runtime/cgo.NewHandle', { type: cgoHandle, holds: [], table: { argument: 0, via: 'runtime/cgo handles (cgo.NewHandle)' } }],
]);
/** What `importPath.name(...)` returns, when it is one of the calls above. */
function stdResult(importPath, name) {
    return results.get(`${importPath}.${name}`);
}
/** A `*time.Ticker` or `*time.Timer`: its channel is never closed, Stop only ends the ticks. */
function isTimerType(type) {
    const named = type?.kind === 'pointer' ? type.elem : type;
    return named?.kind === 'named' && named.importPath === 'time' && (named.name === 'Ticker' || named.name === 'Timer');
}
/** A `runtime/cgo.Handle`, whose `Delete` takes its value out of the handle table. */
function isCgoHandle(type) {
    return type?.kind === 'named' && type.importPath === 'runtime/cgo' && type.name === 'Handle';
}
/** A `context.Context`, whose `Done()` channel is closed when the context is cancelled. */
function isContextType(type) {
    return type?.kind === 'named' && type.importPath === 'context' && type.name === 'Context';
}

;// CONCATENATED MODULE: ./src/analysis/std-summaries.json
const std_summaries_namespaceObject = /*#__PURE__*/JSON.parse('{"packages":{"sync":{"NewCond":{"links":{"result":["0"]},"returns":"*Cond"},"OnceFunc":{"links":{"result":["0"]}},"OnceValue":{"links":{"result":["0"]}},"OnceValues":{"links":{"result":["0"]}}},"container/list":{"List.Init":{"returns":"*List"},"List.InsertAfter":{"links":{"1":["receiver","0","result"],"result":["receiver","0","1"]},"returns":"*Element"},"List.InsertBefore":{"links":{"1":["receiver","0","result"],"result":["receiver","0"]},"returns":"*Element"},"List.MoveAfter":{"links":{"0":["1"],"1":["0"]}},"List.MoveBefore":{"links":{"1":["0"]}},"List.MoveToBack":{"links":{"receiver":["0"]}},"List.MoveToFront":{"links":{"0":["receiver"],"receiver":["0"]}},"List.PushBack":{"links":{"result":["receiver","0"],"receiver":["0","result"]},"returns":"*Element"},"List.PushFront":{"links":{"result":["receiver","0"],"receiver":["0","result"]},"returns":"*Element"},"List.Remove":{"removes":true},"New":{"returns":"*List"}},"bufio":{"NewReadWriter":{"links":{"result":["0","1"]},"returns":"*ReadWriter"},"NewReader":{"links":{"result":["0"]},"returns":"*Reader"},"NewReaderSize":{"links":{"result":["0"]},"returns":"*Reader"},"NewScanner":{"links":{"result":["0"]},"returns":"*Scanner"},"NewWriter":{"links":{"result":["0"]},"returns":"*Writer"},"NewWriterSize":{"links":{"result":["0"]},"returns":"*Writer"},"Reader.Reset":{"links":{"receiver":["0"]}},"Scanner.Buffer":{"links":{"receiver":["0"]},"removes":true},"Scanner.Split":{"links":{"receiver":["0"]}},"Writer.Reset":{"links":{"receiver":["0"]}}},"context":{"AfterFunc":{"links":{"result":["0","1"]}},"WithCancel":{"links":{"result":["0"]},"returns":"Context"},"WithCancelCause":{"links":{"result":["0"]},"returns":"Context"},"WithDeadline":{"links":{"result":["0","1"]},"returns":"Context"},"WithDeadlineCause":{"links":{"result":["0","1","2"]},"returns":"Context"},"WithTimeout":{"links":{"result":["0"]},"returns":"Context"},"WithTimeoutCause":{"links":{"result":["0","2"]},"returns":"Context"},"WithValue":{"links":{"result":["0","1","2"]},"returns":"Context"},"WithoutCancel":{"links":{"result":["0"]},"returns":"Context"}}}}');
;// CONCATENATED MODULE: ./src/analysis/std-summaries.ts

const summaries = std_summaries_namespaceObject;
/** The summary of `importPath.name` (`Func` or `Type.Method`), when it has effects. */
function stdSummary(importPath, name) {
    return Object.hasOwn(summaries.packages, importPath) ? summaries.packages[importPath][name] : undefined;
}
/** The type a summary says the call returns, in the callee's package. */
function summaryResultType(importPath, returns) {
    if (!returns)
        return undefined;
    const named = { kind: 'named', name: returns.replace(/^\*/, ''), importPath, args: [] };
    return returns.startsWith('*') ? { kind: 'pointer', elem: named } : named;
}
/**
 * Where the references a summary of this package adds are kept, so that a
 * call of any of its removing methods clears them: the generator cannot tell
 * one object of the package's from another, so the place is the package.
 */
const stdPlace = (importPath) => `std ${importPath}`;
/** The names of every method that removes references from its receiver, for the package scan's text filter. */
const removingMethodNames = [
    ...new Set(Object.values(summaries.packages).flatMap((pkg) => Object.entries(pkg).filter(([key, s]) => s.removes && key.includes('.')).map(([key]) => key.split('.')[1]))),
].sort();

;// CONCATENATED MODULE: ./src/analysis/interpreter/expressions.ts







/**
 * Names each func literal in `literal` (itself included, keyed by node id)
 * uses but does not declare itself: the variables it captures (candidates;
 * the caller checks which are locals in scope). One walk serves every
 * literal nested in the first, so nesting costs linear time.
 */
function capturedNamesWithin(literal) {
    const captured = new Map();
    // The walk keeps its own stack of steps, taken in the order a recursive walk takes them, so no nesting overflows the call stack.
    const steps = [];
    const next = (...todo) => {
        for (let i = todo.length - 1; i >= 0; i--)
            steps.push(todo[i]);
    };
    /**
     * `declared`: each visible name, with how many literals enclose its
     * declaration; `enclosing`: the used names of each literal around the node, outermost first.
     */
    const visit = (node, declared, enclosing) => () => {
        const local = new Map(declared);
        if (node.type === 'func_literal') {
            const used = new Set();
            captured.set(node.id, used);
            enclosing = [...enclosing, used];
            for (const decl of node.childForFieldName('parameters')?.namedChildren ?? []) {
                for (const n of decl ? fieldChildren(decl, 'name') : [])
                    local.set(n.text, enclosing.length);
            }
            for (const decl of node.childForFieldName('result')?.namedChildren ?? []) {
                for (const n of decl ? fieldChildren(decl, 'name') : [])
                    local.set(n.text, enclosing.length);
            }
        }
        next(...node.namedChildren.map((child) => () => child && visitChild(child, local, enclosing)));
    };
    const visitChild = (child, local, enclosing) => {
        const declare = (name) => local.set(name, enclosing.length);
        if (child.type === 'short_var_declaration' || child.type === 'range_clause') {
            // Right-hand side first (it sees the outer names), then the new names.
            const right = child.childForFieldName('right');
            const declares = child.type === 'short_var_declaration' || child.children.some((c) => c?.type === ':=');
            const left = child.childForFieldName('left');
            next(() => right && visit(right, local, enclosing)(), () => {
                if (declares) {
                    for (const n of left?.namedChildren ?? [])
                        if (n?.type === 'identifier')
                            declare(n.text);
                }
                else if (left)
                    next(visit(left, local, enclosing));
            });
            return;
        }
        if (child.type === 'var_declaration' || child.type === 'const_declaration') {
            next(...child.descendantsOfType(['var_spec', 'const_spec']).flatMap((spec) => [
                () => {
                    const value = spec?.childForFieldName('value');
                    if (value)
                        next(visit(value, local, enclosing));
                },
                () => {
                    for (const n of spec ? fieldChildren(spec, 'name') : [])
                        declare(n.text);
                },
            ]));
            return;
        }
        if (child.type === 'identifier') {
            // Captured by every literal inside the one that declares the name.
            for (let level = local.get(child.text) ?? 0; level < enclosing.length; level++)
                enclosing[level].add(child.text);
            return;
        }
        if (child.type === 'keyed_element') {
            // Struct literal keys name fields, not variables.
            const value = child.childForFieldName('value');
            const key = child.childForFieldName('key');
            next(() => key && key.namedChild(0)?.type !== 'identifier' && next(visit(key, local, enclosing)), () => value && next(visit(value, local, enclosing)));
            return;
        }
        next(visit(child, local, enclosing));
    };
    next(visit(literal, new Map(), []));
    while (steps.length)
        steps.pop()();
    return captured;
}
class ExpressionsLayer extends LinksLayer {
    /** What each func literal captures, by node id, worked out once. */
    captures = new Map();
    /**
     * The closures made so far in this entry point that capture each local
     * variable, by variable key: a closure holds the variable, not the value it
     * had, so a later assignment changes what the closure reaches.
     */
    capturers = new Map();
    /**
     * Walks from holders through embedded fields: an embedded pointer leads to
     * the object it points to, an embedded value stays inside its container
     * (its fields become slots with a prefix, "Inner.").
     */
    follow(holders, prefix, through, node) {
        for (const step of through) {
            if (step.type.kind === 'pointer') {
                holders = holders.flatMap((h) => this.read(h, prefix + step.name, node, step.type));
                prefix = '';
            }
            else {
                prefix += step.name + '.';
            }
        }
        return { holders, prefix };
    }
    /**
     * Where a selector points: the objects that hold the field, and the slot's
     * name. A field of a struct held by value lives inside its container, so
     * `r.Tags.repo` is a slot "Tags.repo" of r's object.
     */
    place(selector, scope) {
        if (!this.deeper(selector))
            return { holders: [], slot: '?' };
        const place = this.placeNode(selector, scope);
        this.nesting--;
        return place;
    }
    placeNode(selector, scope) {
        const name = selector.childForFieldName('field')?.text ?? '?';
        const operand = selector.childForFieldName('operand');
        let start = { holders: [], prefix: '' };
        const inner = operand?.type === 'selector_expression' ? this.fieldOf(operand, scope) : undefined;
        const innerType = inner ? underlying(inner.type, this.pkg) : undefined;
        if (operand && (innerType?.kind === 'struct' || innerType?.kind === 'array')) {
            const outer = this.place(operand, scope);
            start = { holders: outer.holders, prefix: `${outer.slot}.` };
        }
        else {
            start.holders = this.evaluate(operand, scope);
        }
        const through = this.selected(selector, scope)?.through ?? [];
        const reached = this.follow(start.holders, start.prefix, through, selector);
        return { holders: reached.holders, slot: reached.prefix + name };
    }
    /**
     * Where an element lives: in a map's or slice's own allocation, or, for an
     * array held by value in a struct field, inside the struct's object.
     */
    elementPlace(index, scope) {
        const operand = index.childForFieldName('operand');
        const kind = underlying(this.typeOf(operand, scope), this.pkg).kind;
        if (kind === 'array' && operand?.type === 'selector_expression') {
            const outer = this.place(operand, scope);
            return { holders: outer.holders, slot: `${outer.slot}[]`, isMap: false, via: (h) => `${this.via(h, outer.slot)}[]` };
        }
        const isMap = kind === 'map';
        const slot = isMap ? '[value]' : '[]';
        return { holders: this.evaluate(operand, scope), slot, isMap, via: () => slot };
    }
    /** Reads a slot; references of objects the code did not make here (parameters, globals) are materialized on demand. */
    read(holder, slot, node, fieldType) {
        const edges = this.state.slot(holder, slot);
        this.touch(edges.length);
        if (edges.length || holder.kind === 'alloc' || holder.kind === 'closure')
            return edges.map((e) => e.to);
        const lazy = this.lazyIn(holder, slot, node, `${holder.label}.${slot}`, fieldType && pointee(fieldType));
        // What a parameter or global already holds is there for sure, wherever the code first reads it.
        this.state.store(holder, slot, this.edges([lazy], this.via(holder, slot), node, undefined, true), false);
        return [lazy];
    }
    /** What a holder the code did not make (a parameter, a package-level variable) holds in a slot before the code runs. */
    lazyIn(holder, slot, node, label, type) {
        const lazy = this.object('lazy', node, label, type, `${holder.id}.${slot}`);
        lazy.readFrom ??= { holder, slot };
        return lazy;
    }
    evaluate(node, scope) {
        if (!node || !this.step(node) || !this.deeper(node))
            return [];
        const objects = this.evaluateNode(node, scope);
        this.nesting--;
        return objects;
    }
    evaluateNode(node, scope) {
        switch (node.type) {
            case 'identifier': {
                const variable = scope.lookup(node.text);
                if (variable && !variable.global)
                    return this.state.vars.get(variable.key) ?? [];
                if (this.here().vars.has(node.text)) {
                    const holder = this.globalObject(node.text);
                    const decl = this.here().vars.get(node.text);
                    const stored = this.state.slot(holder, 'value').map((e) => e.to);
                    if (stored.length)
                        return stored;
                    const saved = this.file;
                    this.file = decl.file;
                    const initial = decl.value ? this.evaluate(decl.value, this.globalScope) : [];
                    this.file = saved;
                    const values = initial.length ? initial : [this.lazyIn(holder, 'value', decl.nameNode, node.text, undefined)];
                    for (const v of values)
                        nameObject(v, node.text);
                    this.state.store(holder, 'value', this.edges(values, node.text, decl.nameNode, undefined, undefined, `var ${node.text}`), false);
                    return values;
                }
                return [];
            }
            case 'parenthesized_expression':
                return this.evaluate(node.namedChild(0), scope);
            case 'unary_expression': {
                const op = node.child(0)?.type;
                const operand = node.childForFieldName('operand');
                if (op === '&' && operand?.type === 'composite_literal') {
                    return this.evaluate(operand, scope);
                }
                if (op === '&')
                    return this.addressOf(operand, scope);
                if (op === '*') {
                    const targets = this.evaluate(operand, scope);
                    if (!this.isValueType(node, scope))
                        return targets;
                    // `old := *v` copies the struct: the copy holds what v holds, but is not v.
                    return [this.copyOf(targets, node, inline(node), this.typeOf(node, scope))];
                }
                if (op === '<-')
                    return this.evaluate(operand, scope).flatMap((ch) => this.read(ch, '<-', node));
                this.evaluate(operand, scope);
                return [];
            }
            case 'composite_literal':
                return this.compositeLiteral(node, typeWritten(node.childForFieldName('type'), this.file), scope);
            case 'func_literal':
                return [this.closure(node, scope).object];
            case 'selector_expression':
                return this.selector(node, scope);
            case 'index_expression': {
                const element = this.elementPlace(node, scope);
                this.evaluate(node.childForFieldName('index'), scope);
                return element.holders.flatMap((c) => this.read(c, element.slot, node));
            }
            case 'slice_expression':
                return this.evaluate(node.childForFieldName('operand'), scope);
            case 'type_assertion_expression':
                return this.evaluate(node.childForFieldName('operand'), scope);
            case 'type_conversion_expression':
                // `f[T](x)` reads as a conversion to a generic type; when f is a function, it is a call.
                if (this.calleeOf(node, scope))
                    return this.call(node, scope)[0] ?? [];
                return this.evaluate(node.childForFieldName('operand'), scope);
            case 'call_expression':
                return this.call(node, scope)[0] ?? [];
            case 'binary_expression':
                this.evaluate(node.childForFieldName('left'), scope);
                this.evaluate(node.childForFieldName('right'), scope);
                return [];
            case 'expression_list':
                return node.namedChildren.flatMap((c) => this.evaluate(c, scope));
            default:
                return [];
        }
    }
    addressOf(operand, scope) {
        if (!operand)
            return [];
        if (operand.type === 'identifier') {
            const variable = scope.lookup(operand.text);
            if (variable && !variable.global) {
                // Code holding its address may change it at any time.
                this.state.shared.add(variable.key);
                this.state.facts.delete(variable.key);
                const current = this.state.vars.get(variable.key) ?? [];
                // &s of a struct or array variable: its own storage, which escapes to the heap.
                if (this.isValueKind(variable.type) && current.length)
                    return current;
                // &p of any other variable: a cell that holds what p holds; p itself is unchanged.
                const cell = this.object('alloc', operand, `&${operand.text}`, variable.type, `var:${variable.key}`);
                this.state.store(cell, 'value', this.edges(current, `*&${operand.text}`, operand), false);
                return [cell];
            }
            const global = this.globalObject(operand.text);
            return global ? [global] : [];
        }
        // &x.f, &a[i]: a pointer into x's (or a's) own allocation.
        if (operand.type === 'selector_expression')
            return this.place(operand, scope).holders;
        if (operand.type === 'index_expression')
            return this.evaluate(operand.childForFieldName('operand'), scope);
        return this.evaluate(operand, scope);
    }
    compositeLiteral(node, type, scope) {
        if (!this.deeper(node))
            return [];
        const objects = this.compositeLiteralNode(node, type, scope);
        this.nesting--;
        return objects;
    }
    compositeLiteralNode(node, type, scope) {
        const typeNode = node.childForFieldName('type');
        const object = this.object('alloc', node, `${typeNode ? inline(typeNode) : ''}{}`, type);
        const under = underlying(type, this.pkg);
        // An elided element (`{p, 1}` inside []*T{...}) is its own body.
        const body = node.type === 'literal_value' ? node : node.childForFieldName('body');
        const fields = under.kind === 'struct' ? under.fields : [];
        let position = 0;
        for (const element of body?.namedChildren ?? []) {
            if (!element)
                continue;
            let keyNode = null;
            let valueNode = element;
            if (element.type === 'keyed_element') {
                keyNode = element.childForFieldName('key')?.namedChild(0) ?? null;
                valueNode = element.childForFieldName('value');
            }
            if (valueNode?.type === 'literal_element')
                valueNode = valueNode.namedChild(0);
            let field;
            let slot;
            let elemType;
            if (under.kind === 'struct') {
                field = keyNode ? fields.find((f) => f.name === keyNode.text) : fields[position];
                slot = field?.name ?? keyNode?.text ?? String(position);
                elemType = field?.type;
            }
            else if (under.kind === 'map') {
                slot = '[value]';
                elemType = under.value;
                if (keyNode) {
                    const keys = keyNode.type === 'literal_value' ? this.compositeLiteral(keyNode, under.key, scope) : this.evaluate(keyNode, scope);
                    this.state.store(object, '[key]', this.edges(keys, '[key]', element), false);
                }
            }
            else {
                slot = '[]';
                elemType = under.kind === 'slice' || under.kind === 'array' ? under.elem : undefined;
            }
            position++;
            // Elided element types: `{...}` inside []*T{...} is &T{...}.
            const values = valueNode?.type === 'literal_value' && elemType
                ? this.compositeLiteral(valueNode, pointee(elemType), scope)
                : this.evaluate(valueNode, scope);
            const via = slot.startsWith('[') ? slot : this.via(object, slot);
            this.state.store(object, slot, this.edges(values, via, element, field), false);
        }
        return [object];
    }
    /**
     * A func literal is a heap object that references every local variable it
     * captures. Called in place (`func(x *T){...}(v)`), its body runs now with
     * its parameters bound to the arguments; otherwise it may run later or
     * never, and what it does is added as a possibility.
     */
    closure(node, scope, args, argFacts) {
        const object = this.object('closure', node, 'func literal');
        for (const name of this.capturedBy(node)) {
            const variable = scope.lookup(name);
            if (!variable || variable.global)
                continue;
            const values = this.state.vars.get(variable.key) ?? [];
            this.state.store(object, `captures ${name}`, this.edges(values, `captures ${name}`, node), false);
            const capturers = this.capturers.get(variable.key) ?? [];
            if (!capturers.some((c) => c.closure.id === object.id))
                this.capturers.set(variable.key, [...capturers, { closure: object, literal: node }]);
        }
        const inner = new Scope(scope);
        const signature = literalSignature(node, this.file);
        const interpret = () => {
            const frame = { returns: [], results: this.bindSignature(node, signature, inner, args, argFacts), deferred: [] };
            const body = node.childForFieldName('body');
            if (body) {
                const saved = this.frame;
                this.frame = frame;
                if (args)
                    this.body(body, inner);
                else
                    this.maybe(() => this.body(body, inner));
                this.frame = saved;
            }
            return frame.returns;
        };
        // Not called here, it may run at any later time.
        return { object, returns: args ? interpret() : this.later(interpret) };
    }
    capturedBy(literal) {
        if (!this.captures.has(literal.id))
            for (const [id, names] of capturedNamesWithin(literal))
                this.captures.set(id, names);
        return this.captures.get(literal.id);
    }
    bindSignature(owner, { params, paramTypes, results, resultTypes }, scope, args, argFacts = []) {
        params.forEach((p, i) => {
            if (!p.name)
                return;
            const type = paramTypes[i];
            const variable = { key: this.nextVar++, name: p.name, type, global: false, level: this.regions.length };
            scope.declare(variable);
            const passed = args && (p.variadic ? args.slice(i).flat() : args[i]);
            this.state.vars.set(variable.key, passed ?? [this.object('param', p.typeNode, p.name, pointee(type), `${this.context}/${owner.id}/${p.name}`)]);
            this.setFact(variable, true, p.variadic || !passed ? undefined : this.factInto(type, undefined, argFacts[i]));
        });
        // Named results are variables of the function, zero until assigned.
        const named = [];
        results.forEach((r, i) => {
            if (!r.name)
                return;
            const type = resultTypes[i];
            const variable = { key: this.nextVar++, name: r.name, type, global: false, level: this.regions.length };
            scope.declare(variable);
            this.setFact(variable, true, zeroFact(underlying(type, this.pkg)));
            named.push(variable);
        });
        return named;
    }
    selector(node, scope) {
        const operand = node.childForFieldName('operand');
        if (operand?.type === 'identifier' && !scope.lookup(operand.text) && this.file.imports.has(operand.text)) {
            const imported = this.object('opaque', node, node.text, undefined, `import:${node.text}`);
            const name = node.childForFieldName('field')?.text;
            if (this.file.imports.get(operand.text) === 'runtime' && (name === 'SetFinalizer' || name === 'AddCleanup'))
                imported.hook = name;
            return [imported];
        }
        const member = this.selected(node, scope);
        if (member?.method) {
            // A method value binds its receiver (through any embedded pointer it is promoted from): a closure over it.
            const receivers = this.follow(this.evaluate(operand, scope), '', member.through, node).holders;
            const text = inline(node);
            const object = this.object('closure', node, `method value ${text}`);
            this.state.store(object, `bound ${text}`, this.edges(receivers, `method value ${text}`, node), false);
            return [object];
        }
        const place = this.place(node, scope);
        const field = this.fieldOf(node, scope);
        return place.holders.flatMap((h) => this.read(h, place.slot, node, field?.type));
    }
}

;// CONCATENATED MODULE: ./src/analysis/interpreter/calls.ts











/** How many calls deep the package's own code is interpreted in place. */
const maxInlineDepth = 4;
/** How many times one entry point may interpret the same callee in place. */
const maxInlinesPerFunction = 8;
/** Builtins that keep no reference to what they are given. */
const keepsNothing = new Set(['len', 'cap', 'min', 'max', 'print', 'println', 'real', 'imag', 'complex', 'delete', 'clear', 'copy', 'close']);
/** A call's arguments; `f[T](x)`, read as a conversion, has one. */
function argumentsOf(call) {
    const args = call.type === 'type_conversion_expression' ? [call.childForFieldName('operand')] : (call.childForFieldName('arguments')?.namedChildren ?? []);
    return args.filter((a) => a !== null);
}
class CallsLayer extends ExpressionsLayer {
    sites = [];
    stops = [];
    cleanupHandles = new Set();
    depth = 0;
    callStack = [];
    /** The calls interpreted in place around the current code, outermost first. */
    chain = [];
    inlined = new Map();
    /** The go statement whose call is about to be evaluated. */
    goStatement;
    /** Records the goroutine a go statement starts: the body it runs and what that body's names hold. */
    startGoroutine(go, body, bodyFile, held) {
        if (body)
            this.run.goroutines.push({ node: go, file: this.file, body, bodyFile, held: held.filter((h) => h.objects.length) });
    }
    /** What a function's parameters are bound to by a call's arguments, by name. */
    boundParams(params, args) {
        return params.flatMap((p, i) => (p.name ? [{ name: p.name, objects: (p.variadic ? args.slice(i).flat() : args[i]) ?? [] }] : []));
    }
    /** Evaluates a call; returns what each result may point to. */
    call(node, scope) {
        const fn = node.childForFieldName('function');
        const go = this.goStatement?.namedChild(0)?.id === node.id ? this.goStatement : undefined;
        this.goStatement = undefined;
        const argNodes = argumentsOf(node);
        const builtin = fn?.type === 'identifier' && !scope.lookup(fn.text) && !this.here().funcs.has(fn.text) ? fn.text : undefined;
        if (builtin === 'new') {
            const valueType = this.newOfValue(argNodes[0], scope);
            const object = this.object('alloc', node, `new(${argNodes[0] ? inline(argNodes[0]) : ''})`, valueType ?? typeWritten(argNodes[0], this.file));
            // new(expr) holds a copy of the value: a struct's references come along.
            if (valueType)
                for (const value of this.evaluate(argNodes[0], scope))
                    if (this.isValueType(argNodes[0], scope))
                        this.copySlots(value, object);
            return [[object]];
        }
        if (builtin === 'make')
            return [[this.object('alloc', node, 'make', typeWritten(argNodes[0], this.file))]];
        if (builtin === 'append')
            return [this.append(node, argNodes, scope)];
        if (builtin === 'delete' || builtin === 'clear')
            this.removal(argNodes[0], scope, node);
        if (fn?.type === 'identifier' && this.here().types.has(fn.text) && !scope.lookup(fn.text))
            return [this.evaluate(argNodes[0], scope)];
        // An interface, unsafe.Pointer or another package's type made from a value refers to what the value refers to: `any(p)` holds p.
        const converted = this.conversionType(node, scope);
        if (converted && (converted.kind === 'interface' || converted.kind === 'named' || (converted.kind === 'basic' && converted.name === 'unsafe.Pointer'))) {
            return [this.evaluate(argNodes[0], scope)];
        }
        if (fn?.type === 'parenthesized_expression' && argNodes.length === 1) {
            const inner = fn.namedChild(0);
            if (inner?.type === 'unary_expression' && inner.child(0)?.type === '*')
                return [this.evaluate(argNodes[0], scope)];
        }
        const kind = runtimeCallKind(node, this.file, scope);
        if (!kind && fn?.type === 'selector_expression' && fn.childForFieldName('field')?.text === 'Stop' && !argNodes.length) {
            const handles = this.evaluate(fn.childForFieldName('operand'), scope).filter((o) => this.cleanupHandles.has(o.id));
            if (handles.length) {
                this.stops.push({ handles, conditional: this.conditional, order: this.sites.length, run: this.run });
                return [[]];
            }
        }
        const argFacts = argNodes.map((a) => this.factOf(a, scope));
        const args = argNodes.map((a) => this.evaluate(a, scope));
        if (kind)
            return this.site(kind, node, argNodes, args, scope);
        if (fn?.type === 'func_literal') {
            if (go) {
                const captured = [...this.capturedBy(fn)].flatMap((name) => {
                    const variable = scope.lookup(name);
                    return variable && !variable.global ? [{ name, objects: this.state.vars.get(variable.key) ?? [] }] : [];
                });
                this.startGoroutine(go, fn.childForFieldName('body'), this.file, [...captured, ...this.boundParams(readParams(fn.childForFieldName('parameters')), args)]);
            }
            return this.closure(fn, scope, args, argFacts).returns;
        }
        const callee = this.calleeOf(node, scope) ?? (fn?.type === 'selector_expression' ? this.dynamicCallee(fn, scope) : undefined);
        if (callee && callee.decl.body) {
            const receiverFact = 'receivers' in callee || callee.through.length ? undefined : this.factOf(callee.receiver, scope);
            const receiver = 'receivers' in callee
                ? callee.receivers
                : callee.receiver
                    ? this.follow(this.receiverObjects(callee.receiver, callee.decl, scope), '', callee.through, node).holders
                    : undefined;
            if (go) {
                const receiverName = callee.decl.receiver?.name;
                const held = receiverName && receiver ? [{ name: receiverName, objects: receiver }] : [];
                this.startGoroutine(go, callee.decl.body, callee.decl.file, [...held, ...this.boundParams(callee.decl.params, args)]);
            }
            const budgetLeft = !this.inOtherPackage(callee.decl.file) || this.otherPackagesSteps < otherPackagesStepBudget || forwardsToRuntime(callee.decl);
            if (this.depth < (this.options.budget?.inlineDepth ?? maxInlineDepth) && budgetLeft && !this.callStack.includes(callee.decl) && this.mayInline(callee.decl)) {
                return this.inline(callee.decl, node, scope, receiver, args, [receiverFact, ...argFacts]);
            }
            // What the callee does is not seen: it may, for one, remove a finalizer.
            this.run.unfollowed.push({ order: this.sites.length, objects: [...(receiver ?? []), ...args.flat()] });
            const effects = this.replayReferences < replayReferenceBudget ? this.options.effectsOf?.(this.pkg, callee.decl) : undefined;
            const referencesBefore = this.references;
            const replayed = effects && this.replay(effects, callee.decl, node, receiver, args);
            this.replayReferences += this.references - referencesBefore;
            if (replayed)
                return replayed;
        }
        // runtime.SetFinalizer called through a variable, field or parameter that holds it.
        // A field read that shows no function the code stored (a constructor not followed) is what its package stores there.
        const values = this.evaluate(fn, scope);
        const hook = values.find((value) => value.hook)?.hook ?? (values.some((value) => value.kind === 'closure') ? undefined : this.hookField(fn, scope));
        if (hook)
            return this.site(hook, node, argNodes, args, scope);
        // The package's own code not followed (a bound) is judged as the bounds are: it may only hide findings.
        if (!callee?.decl.body && !(builtin && keepsNothing.has(builtin)))
            this.escaped.push(...args.flat());
        const std = this.stdCall(fn, scope);
        if (std) {
            const result = this.object('alloc', node, `${inline(fn)}()`, std.type);
            for (const { argument, via } of std.holds)
                this.state.store(result, via, this.edges(args[argument] ?? [], via, node), false);
            if (std.table) {
                const table = this.object('global', node, 'runtime/cgo handles', undefined, cgoHandlePlace);
                this.state.store(table, '[handle]', this.edges(args[std.table.argument] ?? [], std.table.via, node, undefined, undefined, cgoHandlePlace), false);
            }
            return [[result]];
        }
        const summarized = this.summarizedCall(fn, scope);
        if (summarized) {
            const result = this.applySummary(summarized, node, args);
            if (result)
                return [[result]];
        }
        if (fn?.type === 'selector_expression' && fn.childForFieldName('field')?.text === 'Delete' && !argNodes.length) {
            const operand = fn.childForFieldName('operand');
            if (isCgoHandle(this.typeOf(operand, scope)) || this.evaluate(operand, scope).some((o) => isCgoHandle(o.type))) {
                this.removals.push({ place: cgoHandlePlace, node, file: this.file });
            }
        }
        if (fn?.type === 'selector_expression' || fn?.type === 'identifier') {
            return [[this.object('opaque', node, `${inline(fn)}()`)]];
        }
        return [[]];
    }
    /**
     * A call not followed in place, replayed from what its function does when
     * run on its own (callee-effects.ts), as inlining would have left things:
     * the references it leaves in what the call passes, made by the callee's
     * statements; the objects it makes, one set per call; what it returns; the
     * goroutines it starts. A slot the callee surely sets is replaced, when the
     * call surely runs and the slot's holder is one object.
     */
    replay(effects, decl, call, receiver, args) {
        // The objects and references the replay makes: past maxSummaryReferences it stops and the call is not followed.
        let references = 0;
        const counterparts = new Map();
        for (const object of effects.receiver)
            counterparts.set(object, this.receivesStructCopy(decl) ? [] : (receiver ?? []));
        decl.params.forEach((param, i) => {
            for (const object of effects.parameters[i] ?? [])
                counterparts.set(object, (param.variadic ? args.slice(i).flat() : args[i]) ?? []);
        });
        /** Objects the call makes: what the callee made, and what it found in an empty slot of the caller's (a nil slice it appends to). */
        const made = new Set();
        const make = (object, kind = object.kind) => {
            const copy = this.object(kind, object.node, object.label, object.type, `${this.context}/${call.id}>${object.id}`);
            copy.file = object.file;
            copy.many ||= object.many;
            copy.hook ??= object.hook;
            made.add(copy);
            return copy;
        };
        const counterpart = (object) => {
            let objects = counterparts.get(object);
            if (objects)
                return objects;
            counterparts.set(object, (objects = []));
            if (object.kind === 'global') {
                const global = this.globalObject(object.label, packageOfFile(this.pkg, object.file));
                if (global)
                    objects.push(global);
            }
            else if (object.kind === 'lazy') {
                // What the callee found in a slot is what the caller's object holds there.
                const from = object.readFrom;
                for (const holder of from ? counterpart(from.holder) : []) {
                    const held = this.read(holder, from.slot, call, object.type);
                    objects.push(...(held.length ? held : [make(object, 'alloc')]));
                }
            }
            else if (object.kind !== 'param') {
                objects.push(make(object));
            }
            references += objects.length;
            return objects;
        };
        // The summary took its holders for different objects: where two of them are one object here, the order of
        // their stores, which it does not keep, decides what is left, so the call is not followed.
        const holderOf = new Map();
        for (const { holder } of effects.stores) {
            for (const object of counterpart(holder)) {
                if ((holderOf.get(object) ?? holder) !== holder)
                    return undefined;
                holderOf.set(object, holder);
            }
        }
        const sure = this.conditional === 0;
        const replays = [];
        for (const { holder, slot, edges } of effects.stores) {
            const holders = counterpart(holder);
            if (!holders.length)
                continue;
            // A reference to what the slot held before the callee ran is the caller's own already, unless the call made it.
            const before = (edge) => edge.to.readFrom?.holder === holder && edge.to.readFrom.slot === slot;
            const replayed = [];
            for (const edge of edges) {
                for (const to of counterpart(edge.to)) {
                    if (before(edge) && !made.has(to))
                        continue;
                    replayed.push({ ...edge, to, sure: edge.sure && sure });
                    references += holders.length;
                }
                // What the call was passed may be so many objects that the replay would cost more than a summary may hold.
                if (references > maxSummaryReferences) {
                    this.touch(references);
                    return undefined;
                }
            }
            // Surely set to what the call passes: nothing, when it passes nil.
            const replaces = sure && holders.length === 1 && !holders[0].many && !edges.some(before) && edges.every((edge) => edge.sure);
            if (replayed.length || replaces)
                replays.push({ holders, slot, edges: replayed, replaces });
        }
        this.touch(references);
        for (const { holders, slot, edges, replaces } of replays)
            for (const object of holders)
                this.state.store(object, slot, edges, replaces);
        for (const goroutine of effects.goroutines) {
            const held = goroutine.held.map(({ name, objects }) => ({ name, objects: unionObjects([], objects.flatMap(counterpart)) }));
            this.run.goroutines.push({ ...goroutine, held: held.filter((h) => h.objects.length) });
        }
        const results = effects.results.map((objects) => unionObjects([], objects.flatMap(counterpart)));
        const fn = call.childForFieldName('function');
        if (!results[0]?.length && fn)
            results[0] = [this.object('opaque', call, `${inline(fn)}()`)];
        return results;
    }
    /** A standard library function whose result is known to keep some of its arguments (`std-calls.ts`). */
    stdCall(fn, scope) {
        const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand') : undefined;
        if (operand?.type !== 'identifier' || scope.lookup(operand.text))
            return undefined;
        const importPath = this.file.imports.get(operand.text);
        const name = fn.childForFieldName('field')?.text;
        return importPath && name ? stdResult(importPath, name) : undefined;
    }
    /**
     * A standard library function or method the shipped summaries know
     * (`std-summaries.ts`): `sync.NewCond(...)`, or `l.PushBack(v)` on a
     * `list.List`, with what the receiver may point to.
     */
    summarizedCall(fn, scope) {
        if (fn?.type !== 'selector_expression')
            return undefined;
        const operand = fn.childForFieldName('operand');
        const field = fn.childForFieldName('field')?.text;
        if (!operand || !field)
            return undefined;
        if (operand.type === 'identifier' && !scope.lookup(operand.text)) {
            const importPath = this.file.imports.get(operand.text);
            const summary = importPath && stdSummary(importPath, field);
            return summary ? { importPath: importPath, name: field, summary, receiver: [] } : undefined;
        }
        const declared = this.typeOf(operand, scope);
        // A struct field held by value (`p.idle.PushBack(v)` on a `list.List`) lives inside its holder's object.
        const byValue = declared.kind === 'named' && operand.type === 'selector_expression';
        const receiver = byValue ? this.place(operand, scope).holders : this.evaluate(operand, scope);
        const type = [pointee(declared), ...receiver.map((o) => o.type && pointee(o.type))].find((t) => t?.kind === 'named');
        if (type?.kind !== 'named' || !type.importPath)
            return undefined;
        const name = `${type.name}.${field}`;
        const summary = stdSummary(type.importPath, name);
        return summary ? { importPath: type.importPath, name, summary, receiver } : undefined;
    }
    /**
     * Makes the references a summarized call makes, each shown as the call
     * (`list.List.PushBack`) and kept in its package's place, which a call of a
     * method of that package that removes clears; returns the call's result
     * when the summary knows it.
     */
    applySummary(call, node, args) {
        const { importPath, name, summary, receiver } = call;
        const via = `${importPath.split('/').at(-1)}.${name}`;
        const place = stdPlace(importPath);
        const type = summaryResultType(importPath, summary.returns);
        const result = type || summary.links?.result ? this.object('alloc', node, `${via}()`, type) : undefined;
        const holders = (holder) => (holder === 'result' ? (result ? [result] : []) : holder === 'receiver' ? receiver : (args[Number(holder)] ?? []));
        for (const [holder, reached] of Object.entries(summary.links ?? {})) {
            const values = reached.flatMap(holders);
            for (const object of holders(holder))
                this.state.store(object, via, this.edges(values, via, node, undefined, undefined, place), false);
        }
        if (summary.removes)
            this.removals.push({ place, node, file: this.file });
        return result;
    }
    /** Records one SetFinalizer or AddCleanup call as met here. */
    site(kind, node, argNodes, args, scope) {
        const handle = kind === 'AddCleanup' ? this.object('alloc', node, 'runtime.Cleanup') : undefined;
        if (handle)
            this.cleanupHandles.add(handle.id);
        const anchor = this.anchor(node, argNodes, scope);
        const savedFile = this.file;
        this.file = anchor.file;
        const argTypes = anchor.args.map((a) => this.typeOf(a, anchor.scope));
        // `AddCleanup[T, S](ptr, f, arg)`: arg is passed as an S, which is what the runtime checks.
        const typeArgs = anchor.call.id === node.id ? (node.childForFieldName('type_arguments')?.namedChildren ?? []) : [];
        if (kind === 'AddCleanup' && typeArgs[1])
            argTypes[2] = typeWritten(typeArgs[1].type === 'type_elem' ? typeArgs[1].namedChild(0) : typeArgs[1], this.file);
        this.file = savedFile;
        const evaluation = {
            kind,
            call: anchor.call,
            args: anchor.args,
            file: anchor.file,
            argObjects: args,
            argTypes,
            scope: anchor.scope,
            conditional: this.conditional,
            order: this.sites.length,
            regions: [...this.regions],
            context: this.context,
            chain: this.chain.slice(0, anchor.depth),
            wrapped: anchor.wrapped,
            forwardedFromRoot: anchor.forwardedFromRoot,
            run: this.run,
            handle,
        };
        this.sites.push(evaluation);
        this.run.sites.push(evaluation);
        return [handle ? [handle] : []];
    }
    /**
     * Where a call is reported: itself, or, when the function it is in only
     * passes its parameters on (a wrapper), the call of that function, and so
     * on up through wrappers of wrappers. `depth` is how many calls of the
     * chain lie above the reported one.
     */
    anchor(node, argNodes, scope) {
        let anchor = { call: node, args: argNodes, file: this.file, scope, depth: this.chain.length, wrapped: [], forwardedFromRoot: false };
        // Which argument of the call at hand each argument of the runtime call came from.
        let positions = argNodes.map((_, i) => i);
        for (let depth = this.chain.length;; depth--) {
            const enclosing = depth > 0 ? this.chain[depth - 1].callee : this.run.root;
            const forwarded = forwardedParameters(enclosing, anchor.call);
            if (!forwarded)
                return anchor;
            if (depth === 0)
                return { ...anchor, forwardedFromRoot: true };
            const caller = this.chain[depth - 1];
            const callerArgs = argumentsOf(caller.call);
            positions = positions.map((p) => forwarded[p]);
            const args = positions.map((p) => callerArgs[p]);
            // A call that spreads a slice, or passes fewer arguments, does not show them one by one.
            if (args.some((a) => !a) || caller.call.childForFieldName('arguments')?.children.some((c) => c?.type === '...'))
                return anchor;
            anchor = {
                call: caller.call,
                args: args,
                file: caller.file,
                scope: caller.scope,
                depth: depth - 1,
                wrapped: [{ call: anchor.call, file: anchor.file }, ...anchor.wrapped],
                forwardedFromRoot: false,
            };
        }
    }
    append(node, argNodes, scope) {
        const [first, ...rest] = argNodes;
        let backing = this.evaluate(first, scope);
        if (!backing.length)
            backing = [this.object('alloc', node, 'append', first ? this.typeOf(first, scope) : undefined)];
        const spread = node.childForFieldName('arguments')?.children.some((c) => c?.type === '...');
        for (const arg of rest) {
            const values = this.evaluate(arg, scope);
            const elements = spread ? values.flatMap((v) => this.read(v, '[]', node)) : values;
            for (const b of backing)
                this.state.store(b, '[]', this.edges(elements, '[]', node, undefined, undefined, this.placeOf(first, scope)), false);
        }
        return backing;
    }
    /** `e.setFinalizer(...)` through a func field that the field's package only ever sets to the runtime's function (`hook-fields.ts`). */
    hookField(fn, scope) {
        if (fn?.type !== 'selector_expression')
            return undefined;
        const field = this.fieldOf(fn, scope);
        return field?.type.kind === 'func' ? hookFields(packageOfFile(this.pkg, field.file)).get(field.name) : undefined;
    }
    /**
     * What a method's receiver expression stands for: a pointer method called
     * on a struct field held by value (`c.cancelCtx.propagateCancel(p, c)`)
     * acts on the field's holder, as a method promoted through an embedded
     * value does.
     */
    receiverObjects(operand, method, scope) {
        const byValue = method.receiver?.pointer && operand.type === 'selector_expression' && underlying(this.typeOf(operand, scope), this.pkg).kind === 'struct';
        return byValue ? this.place(operand, scope).holders : this.evaluate(operand, scope);
    }
    /** Counts how often each function was interpreted in place, so loops around calls stay linear. */
    mayInline(decl) {
        const count = this.inlined.get(decl) ?? 0;
        this.inlined.set(decl, count + 1);
        return count < maxInlinesPerFunction;
    }
    /** `facts`: what is known of the receiver, then of each argument. */
    inline(decl, call, callerScope, receiver, args, facts) {
        const savedFile = this.file;
        const savedContext = this.context;
        const savedFrame = this.frame;
        const savedLimit = this.callStepLimit;
        this.callStepLimit = Math.min(savedLimit, this.steps + callStepBudget);
        this.depth++;
        this.context = `${savedContext}/${call.id}`;
        this.file = decl.file;
        this.callStack.push(decl);
        this.chain.push({ call, file: savedFile, callee: decl, scope: callerScope });
        const scope = new Scope(this.globalScope);
        const frame = { returns: [], results: this.bindParams(decl, scope, receiver, args, facts), deferred: [] };
        this.frame = frame;
        this.body(decl.body, scope);
        // A call cut short may do anything in the part not followed: it may, for one, remove a finalizer.
        if (this.steps > this.callStepLimit && savedLimit > this.callStepLimit) {
            this.run.unfollowed.push({ order: this.sites.length, objects: [...(receiver ?? []), ...args.flat()] });
        }
        this.callStepLimit = savedLimit;
        this.chain.pop();
        this.callStack.pop();
        this.frame = savedFrame;
        this.file = savedFile;
        this.context = savedContext;
        this.depth--;
        return frame.returns;
    }
    /** Whether a method's receiver is a struct value: a copy, so what the method stores into it does not reach the caller's. */
    receivesStructCopy(decl) {
        const type = signatureOf(decl, this.pkg).receiver;
        return !decl.receiver?.pointer && !!type && underlying(type, this.pkg).kind === 'struct';
    }
    /** Binds a function's receiver and parameters to what the call passes (or to parameter objects); returns its named results. */
    bindParams(decl, scope, receiver, args, facts = []) {
        const signature = signatureOf(decl, this.pkg);
        const recvParam = decl.node.childForFieldName('receiver')?.namedChild(0);
        if (decl.receiver?.name && recvParam && signature.receiver) {
            const type = signature.receiver;
            const variable = { key: this.nextVar++, name: decl.receiver.name, type, global: false, level: this.regions.length };
            scope.declare(variable);
            const passed = receiver && this.receivesStructCopy(decl) ? [this.copyOf(receiver, recvParam, decl.receiver.name, type)] : receiver;
            this.state.vars.set(variable.key, passed ?? [this.object('param', recvParam, decl.receiver.name, pointee(type))]);
            this.setFact(variable, true, facts[0]);
        }
        return this.bindSignature(decl.node, signature, scope, args, facts.slice(1));
    }
}

;// CONCATENATED MODULE: ./src/analysis/interpreter/statements.ts








/** A call that gives an object the entry point made a finalizer or cleanup. */
const finalizesMade = (site) => !removesFinalizer(site) && (site.argObjects[0] ?? []).some((o) => o.kind === 'alloc');
class Interpreter extends CallsLayer {
    /** Interprets one function as an entry point; returns the evaluations of the sites it reached. */
    interpretRoot(root) {
        const before = this.sites.length;
        this.steps = 0;
        this.otherPackagesSteps = 0;
        this.references = 0;
        this.replayReferences = 0;
        this.nesting = 0;
        this.active = root;
        this.inlined.clear();
        this.state = new State();
        this.capturers.clear();
        if (this.options.recordsLinks)
            this.state.observe = (holder, slot, edges) => this.recordLink(holder, slot, edges);
        this.run = { root, finalState: this.state, sites: [], unfollowed: [], goroutines: [], receiver: [], parameters: [], returned: [], results: [] };
        this.callStack.length = 0;
        this.chain.length = 0;
        this.regions.length = 0;
        this.regionConditions.length = 0;
        this.file = root.file;
        const scope = new Scope(this.globalScope);
        this.conditional = 0;
        this.frame = { returns: [], results: this.bindParams(root, scope, undefined, []), deferred: [] };
        const parameters = [...this.state.vars.values()].flat();
        const receiver = root.receiver?.name ? scope.lookup(root.receiver.name) : undefined;
        if (receiver)
            this.run.receiver = this.state.vars.get(receiver.key) ?? [];
        this.run.parameters = root.params.map((p) => {
            const variable = p.name ? scope.lookup(p.name) : undefined;
            return variable ? (this.state.vars.get(variable.key) ?? []) : [];
        });
        this.linksIntoMade = [];
        this.escaped = [];
        this.clears = [];
        this.callStack.push(root);
        this.body(root.body, scope);
        this.callStack.pop();
        this.run.results = this.frame.returns;
        this.run.returned = this.frame.returns.flat();
        let outliving;
        const outlivingOnce = () => (outliving ??= this.outliving(parameters));
        this.dropLinksLetGo(outlivingOnce);
        // Calls not followed may keep what they were passed, too.
        if (this.run.sites.some(finalizesMade))
            this.run.outliving = [...outlivingOnce(), ...this.run.unfollowed.flatMap((u) => u.objects)];
        this.active = undefined;
        this.stepsTaken += Math.min(this.steps, stepBudget) + Math.min(this.references, referenceBudget);
        // What is left of the entry point is what its sites keep: the references, not the variables or frames.
        this.state.vars.clear();
        this.state.observe = undefined;
        this.frame = { returns: [], results: [], deferred: [] };
        return this.sites.slice(before);
    }
    /** Interprets one function as an entry point of its own; returns its run. */
    interpretAlone(root) {
        this.interpretRoot(root);
        return this.run;
    }
    /** A function's body, then its deferred calls. */
    body(node, scope) {
        if (node)
            this.block(node, scope);
        for (const deferred of this.frame.deferred.splice(0).reverse())
            deferred();
    }
    block(node, parent) {
        const scope = new Scope(parent);
        for (const child of node.namedChildren) {
            if (!child)
                continue;
            if (child.type === 'statement_list')
                for (const s of child.namedChildren)
                    this.statement(s, scope);
            else
                this.statement(child, scope);
        }
    }
    statement(node, scope) {
        if (!node || !this.step(node) || !this.deeper(node))
            return;
        this.statementNode(node, scope);
        this.nesting--;
    }
    statementNode(node, scope) {
        switch (node.type) {
            case 'block':
                return this.block(node, scope);
            case 'expression_statement':
                this.evaluate(node.namedChild(0), scope);
                return;
            case 'short_var_declaration':
                return this.assign(fieldChildren(node, 'left').flatMap((l) => l.namedChildren), node.childForFieldName('right'), scope, true, node);
            case 'assignment_statement': {
                const operator = node.childForFieldName('operator')?.text ?? '=';
                const left = node.childForFieldName('left')?.namedChildren ?? [];
                if (operator === '=')
                    return this.assign(left, node.childForFieldName('right'), scope, false, node);
                this.evaluate(node.childForFieldName('right'), scope);
                this.assignedInPlace(left, scope);
                return;
            }
            case 'inc_statement':
            case 'dec_statement':
                return this.assignedInPlace(node.namedChildren, scope);
            case 'var_declaration':
                for (const spec of node.descendantsOfType('var_spec')) {
                    if (!spec)
                        continue;
                    const names = fieldChildren(spec, 'name');
                    const typeNode = spec.childForFieldName('type');
                    this.assign(names, spec.childForFieldName('value'), scope, true, spec, typeNode ? typeWritten(typeNode, this.file) : undefined);
                }
                return;
            case 'send_statement': {
                const channels = this.evaluate(node.childForFieldName('channel'), scope);
                const values = this.evaluate(node.childForFieldName('value'), scope);
                for (const ch of channels)
                    this.state.store(ch, '<-', this.edges(values, '<-', node), false);
                return;
            }
            case 'return_statement': {
                const values = node.namedChild(0)?.namedChildren ?? [];
                if (!values.length) {
                    this.frame.results.forEach((r, i) => (this.frame.returns[i] = unionObjects(this.frame.returns[i] ?? [], this.state.vars.get(r.key) ?? [])));
                }
                else if (values.length === 1 && values[0]?.type === 'call_expression') {
                    const results = this.call(values[0], scope);
                    results.forEach((r, i) => (this.frame.returns[i] = unionObjects(this.frame.returns[i] ?? [], r)));
                }
                else {
                    values.forEach((v, i) => (this.frame.returns[i] = unionObjects(this.frame.returns[i] ?? [], this.evaluate(v, scope))));
                }
                return;
            }
            case 'if_statement': {
                const inner = new Scope(scope);
                this.statement(node.childForFieldName('initializer'), inner);
                const condition = node.childForFieldName('condition');
                const known = this.factOf(condition, inner);
                const tested = this.conditionOf(condition, inner);
                this.evaluate(condition, inner);
                // A condition the facts decide takes one branch for sure and never the other.
                if (known === 'true')
                    return this.statement(node.childForFieldName('consequence'), inner);
                if (known === 'false')
                    return this.statement(node.childForFieldName('alternative'), inner);
                // Each branch is a region of its own: code in one never runs after code in the other.
                this.maybe(() => this.statement(node.childForFieldName('consequence'), inner), tested);
                this.maybe(() => this.statement(node.childForFieldName('alternative'), inner), tested && { test: tested.test, holds: !tested.holds });
                return;
            }
            case 'for_statement':
                return this.loop(node, scope);
            case 'expression_switch_statement':
            case 'type_switch_statement':
            case 'select_statement':
                return this.switchStatement(node, scope);
            case 'go_statement':
                // A goroutine runs at some point, maybe after everything here.
                this.goStatement = node;
                this.maybe(() => this.later(() => this.evaluate(node.namedChild(0), scope)));
                this.goStatement = undefined;
                return;
            case 'defer_statement': {
                // Runs when the function returns, after everything its body does.
                const call = node.namedChild(0);
                this.frame.deferred.push(() => this.evaluate(call, scope));
                return;
            }
            case 'labeled_statement':
                return this.statement(node.namedChildren.find((c) => c?.type !== 'label_name') ?? null, scope);
            default:
                return;
        }
    }
    loop(node, scope) {
        const inner = new Scope(scope);
        const clause = node.namedChildren.find((c) => c?.type === 'for_clause' || c?.type === 'range_clause');
        const body = node.childForFieldName('body');
        const iterate = () => {
            if (clause?.type === 'range_clause') {
                const left = clause.childForFieldName('left')?.namedChildren ?? [];
                const right = clause.childForFieldName('right');
                const collection = this.evaluate(right, inner);
                const rangeType = underlying(this.typeOf(right, inner), this.pkg);
                const keys = collection.flatMap((c) => this.read(c, '[key]', clause));
                const elementSlot = rangeType.kind === 'map' ? '[value]' : rangeType.kind === 'chan' ? '<-' : '[]';
                const values = collection.flatMap((c) => this.read(c, elementSlot, clause));
                const elem = rangeType.kind === 'slice' || rangeType.kind === 'array' ? rangeType.elem : rangeType.kind === 'map' ? rangeType.value : undefined;
                const keyType = rangeType.kind === 'map' ? rangeType.key : undefined;
                const declare = clause.children.some((c) => c?.type === ':=');
                // The first variable is a map's key, a channel's element, or an index.
                if (rangeType.kind === 'chan') {
                    if (left[0])
                        this.bind(left[0], values, inner, declare, rangeType.elem, clause);
                }
                else if (left[0])
                    this.bind(left[0], rangeType.kind === 'map' ? keys : [], inner, declare, keyType, clause);
                if (left[1])
                    this.bind(left[1], values, inner, declare, elem, clause);
            }
            else if (clause) {
                this.statement(clause.childForFieldName('initializer'), inner);
                this.evaluate(clause.childForFieldName('condition'), inner);
                this.statement(clause.childForFieldName('update'), inner);
            }
            this.statement(body, inner);
        };
        // Twice: the second pass sees what the first pass stored, enough for
        // references that one iteration makes to the previous iteration's objects.
        this.maybe(() => {
            iterate();
            iterate();
        });
    }
    switchStatement(node, scope) {
        const inner = new Scope(scope);
        this.statement(node.childForFieldName('initializer'), inner);
        let bound;
        if (node.type === 'type_switch_statement') {
            const alias = node.childForFieldName('alias')?.namedChild(0);
            const objects = this.evaluate(node.childForFieldName('value'), inner);
            if (alias)
                bound = { name: alias, objects };
        }
        else {
            this.evaluate(node.childForFieldName('value'), inner);
        }
        for (const clause of node.namedChildren) {
            if (clause && /case|default/.test(clause.type))
                this.maybe(() => this.switchCase(clause, inner, bound));
        }
    }
    switchCase(clause, inner, bound) {
        const caseScope = new Scope(inner);
        if (bound)
            this.bind(bound.name, bound.objects, caseScope, true, undefined, clause);
        for (const part of clause.namedChildren) {
            if (part?.type === 'statement_list')
                for (const st of part.namedChildren)
                    this.statement(st, caseScope);
            else if (part?.type === 'receive_statement')
                this.receive(part, caseScope);
            else if (part?.type === 'send_statement')
                this.statement(part, caseScope);
        }
    }
    receive(node, scope) {
        if (node.type !== 'receive_statement')
            return;
        const left = node.childForFieldName('left')?.namedChildren ?? [];
        const values = this.evaluate(node.childForFieldName('right'), scope);
        if (left[0])
            this.bind(left[0], values, scope, true, undefined, node);
    }
    assign(left, right, scope, declare, statement, declaredType) {
        const rightExprs = right?.type === 'expression_list' ? right.namedChildren : right ? [right] : [];
        // Facts of the values as they are before the assignment: `a, b = b, a` swaps them.
        const facts = rightExprs.map((e) => this.factOf(e, scope));
        let values;
        let types;
        if (rightExprs.length === 1 && left.length > 1 && rightExprs[0]?.type === 'call_expression') {
            values = this.call(rightExprs[0], scope);
            const callee = this.calleeOf(rightExprs[0], scope);
            types = callee ? signatureOf(callee.decl, this.pkg).resultTypes : [];
        }
        else if (rightExprs.length === 1 && left.length === 2 && rightExprs[0]?.type === 'index_expression') {
            values = [this.evaluate(rightExprs[0], scope), []];
            types = [this.typeOf(rightExprs[0], scope), { kind: 'basic', name: 'bool' }];
        }
        else {
            types = rightExprs.map((e) => this.typeOf(e, scope));
            values = rightExprs.map((e) => this.evaluate(e, scope));
        }
        left.forEach((target, i) => {
            if (!target)
                return;
            const value = rightExprs.length === left.length ? rightExprs[i] : undefined;
            if (!declare && value && isRemovalValue(value, this.file) && !this.initializes(target, scope))
                this.removal(target, scope, statement);
            const type = declaredType ?? types[i];
            const fact = value ? facts[i] : rightExprs.length ? undefined : zeroFact(declaredType && underlying(declaredType, this.pkg));
            this.bind(target, values[i] ?? [], scope, declare, type, statement, this.factInto(type, value, fact));
        });
    }
    /** Stores values into a variable, a field, an element, or through a pointer. */
    bind(target, values, scope, declare, type, statement, fact) {
        switch (target.type) {
            case 'identifier': {
                if (target.text === '_')
                    return;
                // A declaration makes a new variable without asking what the name meant before.
                let variable = declare ? undefined : scope.lookup(target.text);
                if (!variable) {
                    variable = { key: this.nextVar++, name: target.text, type: type ?? { kind: 'unknown' }, global: false, level: this.regions.length };
                    scope.declare(variable);
                }
                if (!variable.global)
                    this.setFact(variable, declare, fact);
                if (variable.global) {
                    const holder = this.globalObject(variable.name);
                    if (holder)
                        this.state.store(holder, 'value', this.edges(values, variable.name, statement, undefined, undefined, `var ${variable.name}`), this.conditional === 0);
                    return;
                }
                if (declare && !values.length && type && this.isValueKind(type)) {
                    // `var a [n]*T`: the zero value is storage that element and field stores land in.
                    values = [this.object('alloc', target, target.text, type)];
                }
                for (const v of values)
                    nameObject(v, target.text);
                const previous = this.conditional > 0 ? (this.state.vars.get(variable.key) ?? []) : [];
                // The references written: what a branch adds to what the variable held.
                this.touch(values.length);
                this.state.vars.set(variable.key, unionObjects(previous, values));
                for (const { closure, literal } of this.capturers.get(variable.key) ?? []) {
                    const via = `captures ${variable.name}`;
                    this.state.store(closure, via, this.edges(values, via, literal), this.conditional === 0);
                }
                return;
            }
            case 'selector_expression': {
                const place = this.place(target, scope);
                const field = this.fieldOf(target, scope);
                if (!values.length) {
                    this.clears.push({ edges: place.holders.flatMap((h) => this.state.slot(h, place.slot)), when: this.moment() });
                    if (place.holders.length === 1)
                        this.clearInBranch(place.holders[0], place.slot);
                }
                for (const holder of place.holders) {
                    const edges = this.edges(values, this.via(holder, place.slot), statement, field);
                    this.state.store(holder, place.slot, edges, place.holders.length === 1 && this.conditional === 0);
                }
                return;
            }
            case 'index_expression': {
                const element = this.elementPlace(target, scope);
                const keys = this.evaluate(target.childForFieldName('index'), scope);
                const place = this.placeOf(target, scope);
                for (const c of element.holders) {
                    this.state.store(c, element.slot, this.edges(values, element.via(c), statement, undefined, undefined, place), false);
                    if (element.isMap && keys.length)
                        this.state.store(c, '[key]', this.edges(keys, '[key]', statement, undefined, undefined, place), false);
                }
                return;
            }
            case 'unary_expression':
            case 'parenthesized_expression': {
                // *p = v copies a struct's references into the object p points to.
                if (!this.isValueType(target, scope))
                    return;
                const holders = this.evaluate(target.childForFieldName('operand') ?? target.namedChild(0), scope);
                for (const h of holders)
                    for (const v of values)
                        this.copySlots(v, h);
                return;
            }
            default:
                return;
        }
    }
    /** `x += v`, `x++`: the local variables among the targets have new values. */
    assignedInPlace(targets, scope) {
        for (const target of targets) {
            const variable = target?.type === 'identifier' ? scope.lookup(target.text) : undefined;
            if (variable && !variable.global)
                this.assigned(variable);
        }
    }
    /** A store into objects this code made, or into a package-level variable from init: it sets up, it takes nothing away. */
    initializes(target, scope) {
        let holders = [];
        if (target.type === 'selector_expression')
            holders = this.place(target, scope).holders;
        else if (target.type === 'index_expression')
            holders = this.elementPlace(target, scope).holders;
        else
            return this.run.root.name === 'init' && !this.run.root.receiver;
        return holders.length > 0 && holders.every((h) => h.kind === 'alloc');
    }
}

;// CONCATENATED MODULE: ./src/analysis/interpreter/index.ts
// The abstract interpreter over Go function bodies: it follows which objects
// point to which (fields, slice elements, map keys and values, channels,
// closures) so the rules can ask whether a finalized object lies on a cycle or
// is reachable from its finalizer. Calls into functions and methods of the same
// package, or of another package of its module, are interpreted in place, so
// constructors that store their argument and methods that register a child
// with its parent are seen.
//
// One class in layers, one file each, each extending the one before:
// core (state, bounds, objects) -> types -> facts -> links -> expressions ->
// calls -> statements. The heap it builds is in ../heap.ts.



;// CONCATENATED MODULE: ./src/analysis/callee-effects.ts
// What the module's own functions do to what they are given, for the calls
// an entry point does not follow in place (past the inlining depth, a
// function met again within itself, the other packages' budget spent, one
// callee inlined too often). Each such function is interpreted once on its
// own, as a root, by an interpreter of its own that follows no such
// summaries (so each one is a function of the source alone, the same on
// every thread and in every order); the interpreter replays it at the call.




const byPackage = new WeakMap();
/** The summaries asked for since chargeSummaries began a count. */
let charged = new Set();
/**
 * Starts counting the summaries the analysis asks for; the function it
 * returns gives their steps. Each counts once per count, made then or
 * earlier, so a package's steps do not depend on what was analyzed before it
 * on the thread, nor on the cache.
 */
function chargeSummaries() {
    const counted = (charged = new Set());
    return () => [...counted].reduce((sum, summary) => sum + summary.steps, 0);
}
/**
 * What a call of `decl` (of `pkg` or another package of its module) does,
 * or nothing when its own run was cut short by its budget, or did not
 * follow a call of its own (the part not seen might undo what the rest did),
 * or leaves too much to replay.
 */
function calleeEffects(pkg, decl) {
    const home = packageOfFile(pkg, decl.file);
    let cache = byPackage.get(home);
    if (!cache)
        byPackage.set(home, (cache = new Map()));
    let summary = cache.get(decl);
    if (!summary)
        cache.set(decl, (summary = summarize(home, decl)));
    charged.add(summary);
    return summary.effects;
}
/** One function's summary, from an interpreter of its own: no other summary's objects are met in it, so none changes it. */
function summarize(home, decl) {
    const interpreter = new Interpreter(home, { budget: summaryBudget, wholeOnly: true });
    const run = interpreter.interpretAlone(decl);
    const steps = interpreter.stepsTaken;
    if (interpreter.bounds.length || run.unfollowed.length)
        return { effects: undefined, steps };
    const effects = effectsOf(run, interpreter.packageVariables());
    return { effects: effects.stores.reduce((sum, store) => sum + store.edges.length, 0) <= maxSummaryReferences ? effects : undefined, steps };
}
/** The stores of a run reachable from what outlives it: its receiver, parameters, results, the package-level variables it used and what its goroutines hold. */
function effectsOf(run, globals) {
    const state = run.finalState;
    const seen = new Set();
    const queue = [];
    const visit = (object) => {
        if (seen.has(object.id))
            return;
        seen.add(object.id);
        queue.push(object);
    };
    [...run.receiver, ...run.parameters.flat(), ...run.returned, ...globals.filter((g) => state.heap.has(g.id))].forEach(visit);
    for (const goroutine of run.goroutines)
        for (const held of goroutine.held)
            held.objects.forEach(visit);
    const stores = [];
    for (let i = 0; i < queue.length; i++) {
        const holder = queue[i];
        for (const [slot, edges] of state.heap.get(holder.id) ?? []) {
            if (!edges.length && !state.emptied.has(slotKey(holder, slot)))
                continue;
            stores.push({ holder, slot, edges });
            for (const edge of edges)
                visit(edge.to);
        }
    }
    return { receiver: run.receiver, parameters: run.parameters, results: run.results, stores, goroutines: run.goroutines };
}

;// CONCATENATED MODULE: ./src/analysis/package-scan.ts




/**
 * Text that may remove a reference (a cgo handle's `Delete()` too, and a call
 * of a standard method that removes, `l.Remove(e)`); the interpreter decides
 * on the functions whose bodies contain it.
 */
const removalText = new RegExp(String.raw `\b(delete|clear)\s*\(|\.Delete\s*\(\s*\)|[^=!<>:]=\s*(nil\b|append\s*\(|\w+\.Delete|[\w.]+\s*\[[^\]\n]*:)` +
    (removingMethodNames.length ? String.raw `|\.(${removingMethodNames.join('|')})\s*\(` : ''));
const identifiers = /[\p{L}_][\p{L}\p{N}_]*/gu;
const scans = new WeakMap();
/**
 * Interprets, once each, the package's functions that `wanted` accepts, after
 * `load` read the files they may be in; a question asked again (same `key`)
 * tries only functions read since.
 */
function cover(pkg, key, load, wanted) {
    let scan = scans.get(pkg);
    if (!scan)
        scans.set(pkg, (scan = { interpreter: new Interpreter(pkg, { recordsLinks: true, effectsOf: calleeEffects }), done: new Set(), tried: new Map() }));
    const from = scan.tried.get(key);
    if (from === undefined)
        load();
    // Interpreting may read more files: their functions are tried too.
    for (let i = from ?? 0; i < pkg.functions.length; i++) {
        const decl = pkg.functions[i];
        scan.tried.set(key, i + 1);
        if (scan.done.has(decl) || !decl.body || !wanted(decl))
            continue;
        scan.done.add(decl);
        scan.interpreter.interpretRoot(decl);
    }
    return scan.interpreter;
}
/** The steps the package's scan has taken so far (see Interpreter.stepsTaken): its work counts as the analysis's. */
function packageScanSteps(pkg) {
    return scans.get(pkg)?.interpreter.stepsTaken ?? 0;
}
/**
 * The removals in the package's code that may clear a place of `owner` (the
 * type that declares the field, or the package-level variable): only a
 * function that can hold a value of it (see readCarriers) can. Without an
 * owner, every removal of the package.
 */
function packageRemovals(pkg, owner) {
    const removes = (decl) => removalText.test(decl.body.text);
    if (owner === undefined)
        return cover(pkg, removalText.source, () => pkg.load((file) => removalText.test(file.text)), removes).removals;
    const carriers = () => carriersOf(pkg, [owner]);
    return cover(pkg, `removals of ${owner}`, carriers, (decl) => removes(decl) && writes(decl.node.text, carriers())).removals;
}
/**
 * Every store of the package's code that may link existing values into one of
 * these fields of these types. Only a function that can hold a value of one of
 * the types can store into its fields, and every such value comes from a name
 * the function writes: one of the types, or a declaration of the package whose
 * type or result names one (a constructor, a variable, a type that holds one,
 * a method that returns one), and so on. Only the files that write such names
 * are read, and only the functions among them that also may store into a
 * field are interpreted: that write its name, or, for a field in
 * `selectedOnly` (one that holds a reference itself), that may store it (see
 * fieldStores: `x.next = n`, `x.list[i] = n`, `&x.next`, not `x.next.Close()`
 * nor `x.next == nil`).
 */
function packageLinks(pkg, { fieldNames, typeNames, selectedOnly, structNames }) {
    // An embedded field of a type the model cannot name (`?`) is never stored by a name.
    const isName = (name) => /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name);
    const fields = new Set(fieldNames.filter(isName));
    if (!fields.size)
        return [];
    const selected = new Set(selectedOnly.filter((name) => fields.has(name)));
    const named = new Set([...fields].filter((name) => !selected.has(name)));
    const stores = selected.size ? fieldStores([...selected], typeNames.filter(isName), new Set(structNames)) : undefined;
    const mayStore = (text) => writes(text, named) || !!stores?.test(text);
    const key = `links ${[...fields].sort().join(' ')} of ${[...typeNames].sort().join(' ')} selecting ${[...selected].sort().join(' ')}`;
    const carriers = () => carriersOf(pkg, typeNames);
    return cover(pkg, key, carriers, (decl) => mayStore(decl.body.text) && writes(decl.node.text, carriers())).links;
}
/**
 * Text that may store into one of the fields: a selector of one that is
 * assigned, indexed, sent to, listed (`a.next, b = n, m`), closed as an
 * operand in parentheses or addressed, a key naming one, or a literal of one
 * of the types that is not empty. A literal of a struct type (in `structNames`)
 * whose first element is keyed stores only the fields it keys, which the key
 * test finds (`T{n: i}` stores no `next`), unless it is the element type of
 * a slice, array or map literal, whose elided elements may be positional.
 */
function fieldStores(fields, typeNames, structNames) {
    const field = String.raw `\.\s*(?:${fields.join('|')})(?![\p{L}\p{N}_])`;
    const literalOf = (names, after) => names.length ? String.raw `|(?<![\p{L}\p{N}_])(?:${names.join('|')})\s*(?:\[[^\]\n]*\]\s*)?\{(?!\s*(?:\}${after}))` : '';
    const structs = typeNames.filter((name) => structNames.has(name));
    const literals = literalOf(typeNames.filter((name) => !structNames.has(name)), '') +
        literalOf(structs, String.raw `|${identifiers.source}\s*:(?!=)`) +
        (structs.length ? String.raw `|\][\s*]*(?:${identifiers.source}\s*\.\s*)?(?:${structs.join('|')})\s*(?:\[[^\]\n]*\]\s*)?\{(?!\s*\})` : '');
    return new RegExp(String.raw `${field}\s*(?:=(?!=)|\[|,|<-|\))|&[\p{L}\p{N}_.\s]*${field}(?!\s*\.)|(?<![\p{L}\p{N}_.])(?:${fields.join('|')})\s*:(?!=)${literals}`, 'u');
}
const writes = (text, names) => (text.match(identifiers) ?? []).some((name) => names.has(name));
const carrierSets = new WeakMap();
/** readCarriers once per package and set of types: a question asked again goes on with the same names. */
function carriersOf(pkg, typeNames) {
    let sets = carrierSets.get(pkg);
    if (!sets)
        carrierSets.set(pkg, (sets = new Map()));
    const key = [...typeNames].sort().join(' ');
    let carriers = sets.get(key);
    if (!carriers)
        sets.set(key, (carriers = readCarriers(pkg, typeNames)));
    return carriers;
}
/**
 * The names through which code may come by a value of these types: the types,
 * and the package's declarations whose type, value or results write such a
 * name, reading every file that writes one.
 */
function readCarriers(pkg, typeNames) {
    const carriers = new Set();
    /** For a name not yet a carrier: the declarations that become carriers when it does. */
    const waiting = new Map();
    const indexed = new Set();
    const queue = [];
    const add = (name) => {
        if (carriers.has(name))
            return;
        carriers.add(name);
        queue.push(name);
    };
    const index = (declaration, name, text) => {
        if (indexed.has(declaration))
            return;
        indexed.add(declaration);
        const written = new Set(text.match(identifiers));
        if ([...written].some((w) => carriers.has(w)))
            return add(name);
        for (const w of written) {
            const list = waiting.get(w);
            if (list)
                list.push(name);
            else
                waiting.set(w, [name]);
        }
    };
    for (const name of typeNames)
        add(name);
    while (queue.length) {
        const batch = queue.splice(0);
        const pattern = new RegExp(word(`(${batch.join('|')})`), 'u');
        pkg.load((file) => pattern.test(file.text));
        // Iterating a declaration map gives the declarations read so far, without reading more.
        for (const [name, decl] of pkg.types)
            index(decl, name, decl.spec.text);
        for (const [name, decl] of pkg.vars)
            index(decl, name, `${decl.typeNode?.text ?? ''} ${decl.value?.text ?? ''}`);
        for (const decl of pkg.functions)
            index(decl, decl.name, decl.results.map((r) => r.typeNode.text).join(' '));
        for (const name of batch)
            for (const declared of waiting.get(name) ?? [])
                add(declared);
    }
    return carriers;
}

;// CONCATENATED MODULE: ./src/analysis/paths.ts
/**
 * Bounds the references the rules' searches (paths, reachability) may read
 * while they check one call: the work after the interpretation has a budget
 * too, so no rule turns a large heap quadratic. When it is spent, searches
 * find nothing more and the call ends in an FG000 notice.
 */
const searchBudget = 1_000_000;
/** References read by the searches for the call being checked (see startSearches). */
let searched = 0;
/** Starts the count of the next call's searches. */
function startSearches() {
    searched = 0;
}
/** The references the searches read since startSearches, past the budget or not. */
function searchesMade() {
    return searched;
}
/** Counts references a search is about to read; false once the budget is spent, and the search gives up. */
function searching(references) {
    searched += references;
    return searched <= searchBudget;
}
/**
 * The shortest path of references from `start` to `target`. A reference from
 * an object to itself is never followed: the collector ignores pointers back
 * into the object being scanned, so they keep nothing alive. Only references
 * that `follow` accepts are followed.
 */
function findPath(state, start, target, follow = () => true) {
    return pathsFrom(state, start, follow)(target);
}
/**
 * For a start: a function that gives the path `findPath` finds to a target.
 * One breadth-first search serves every target, taken only as far as the
 * targets asked for need, so asking for many costs the search once and not
 * once per target.
 */
function pathsFrom(state, start, follow = () => true) {
    const search = breadthFirst(state, start, follow);
    return (target) => (search.reached(target) ? search.pathTo(target) : search.until((object) => object.id === target.id));
}
/** The shortest path of references from `start` to an object that `accept` takes. */
function pathToFirst(state, start, accept) {
    return breadthFirst(state, start, () => true).until(accept);
}
/** A breadth-first search from `start`, taken on only as far as asked. */
function breadthFirst(state, start, follow) {
    /** How the search first came to each object; the start's entry is a reference back to it. */
    const previous = new Map();
    const queue = [start];
    let next = 0;
    const pathTo = (target) => {
        const path = [];
        let at = target.id;
        do {
            const step = previous.get(at);
            path.unshift(step);
            at = step.from.id;
        } while (at !== start.id);
        return path;
    };
    /** Searches on until an object `accept` takes is reached, or nothing is left; the path to it. */
    const until = (accept) => {
        let found;
        while (!found && next < queue.length) {
            const current = queue[next++];
            for (const edge of state.edgesFrom(current)) {
                if (!searching(1))
                    return undefined;
                if (edge.to.id === current.id || !follow(edge) || previous.has(edge.to.id))
                    continue;
                previous.set(edge.to.id, { ...edge, from: current });
                if (edge.to.id !== start.id)
                    queue.push(edge.to);
                if (!found && accept(edge.to))
                    found = edge.to;
            }
        }
        return found && pathTo(found);
    };
    return { reached: (object) => previous.has(object.id), pathTo, until };
}
/** The ids of the objects reachable from `roots`, the roots too; undefined when the budget ran out before all were found. */
function reachableFrom(state, roots) {
    const reached = new Set(roots.map((o) => o.id));
    const queue = [...roots];
    while (queue.length) {
        for (const edge of state.edgesFrom(queue.pop())) {
            if (!searching(1))
                return undefined;
            if (reached.has(edge.to.id))
                continue;
            reached.add(edge.to.id);
            queue.push(edge.to);
        }
    }
    return reached;
}
/**
 * For a state and the references to follow: a function that gives the ids of
 * the objects from which `findPath` finds a path to a target. One pass over
 * the state's references, then each target costs what reaches it, so asking
 * for many starts and targets is not their product.
 */
function reachingObjects(state, follow) {
    const into = new Map();
    pass: for (const [from, slots] of state.heap) {
        for (const edges of slots.values()) {
            if (!searching(edges.length))
                break pass;
            for (const edge of edges) {
                if (edge.to.id === from || !follow(edge))
                    continue;
                const sources = into.get(edge.to.id);
                if (sources)
                    sources.push(from);
                else
                    into.set(edge.to.id, [from]);
            }
        }
    }
    return (target) => {
        const reached = new Set();
        const queue = [target.id];
        for (let next = 0; next < queue.length; next++) {
            const sources = into.get(queue[next]) ?? [];
            if (!searching(sources.length))
                break;
            for (const from of sources) {
                if (reached.has(from))
                    continue;
                reached.add(from);
                queue.push(from);
            }
        }
        return reached;
    };
}
function renderPath(start, edges) {
    return [start, ...edges.map((e) => e.via), edges.at(-1)?.to.label ?? ''].join(' -> ');
}

;// CONCATENATED MODULE: ./src/discover/go-release.ts
// Go releases: what the runtime does with finalizers and cleanups changed
// from release to release (AddCleanup in 1.24, its panics in 1.24 and 1.26),
// so code is analyzed for the release it builds with.
/** The newest release the rules know; code that names no release is analyzed for it. */
const newestGo = [1, 26];
/** The release of "1.24", "1.24.3", "go1.25rc1"; undefined when it names none. */
function parseGoRelease(version) {
    const match = /^(?:go)?(\d+)\.(\d+)/.exec(version?.trim() ?? '');
    return match ? [Number(match[1]), Number(match[2])] : undefined;
}
function releaseAtLeast([major, minor], [wantMajor, wantMinor]) {
    return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}
/** "Go 1.24". */
function releaseName(release) {
    return `Go ${release.join('.')}`;
}

;// CONCATENATED MODULE: ./src/discover/constraints.ts
// Build constraints: which files of a directory the go tool compiles together
// for a target. A package's files for different systems declare the same
// names differently (os/file_unix.go and os/file_plan9.go), so each call is
// analyzed with the files of a configuration that builds it.

const knownOS = new Set('aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1 windows zos'.split(' '));
const knownArch = new Set('386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm'.split(' '));
const unixOS = new Set('aix android darwin dragonfly freebsd hurd illumos ios linux netbsd openbsd solaris'.split(' '));
/** The tags a target satisfies, as the go tool sets them (a go1.N tag for every release up to the newest). */
function targetTags(os, arch, cgo) {
    const tags = new Set([os, arch, 'gc']);
    if (unixOS.has(os))
        tags.add('unix');
    if (os === 'android')
        tags.add('linux');
    if (os === 'illumos')
        tags.add('solaris');
    if (os === 'ios')
        tags.add('darwin');
    if (cgo)
        tags.add('cgo');
    for (let minor = 1; minor <= newestGo[1]; minor++)
        tags.add(`go1.${minor}`);
    return tags;
}
const releaseTag = /^go1\.(\d+)$/;
/** The same target built by an older Go 1 release: no go1.N tag above it. */
function withRelease(tags, minor) {
    return new Set([...tags].filter((t) => !releaseTag.test(t) || Number(releaseTag.exec(t)[1]) <= minor));
}
/** The newest release a target's tags stand for: its highest go1.N tag. */
function releaseOf(tags) {
    let minor = 0;
    for (const t of tags)
        minor = Math.max(minor, Number(releaseTag.exec(t)?.[1] ?? 0));
    return [1, minor];
}
/**
 * The releases a file builds with for a target, oldest and newest: a file
 * for older Go (`//go:build !go1.24`) is code that release runs, and a file
 * for newer Go (`//go:build go1.25`) runs only there.
 */
function releasesBuilding(constraint, tags) {
    const newest = releaseOf(tags);
    let oldest = newest[1];
    while (oldest > 1 && constraint(withRelease(tags, oldest - 1)))
        oldest--;
    return { oldest: [1, oldest], newest };
}
/** The targets tried in order; most code builds for the first. */
const standardTargets = [
    targetTags('linux', 'amd64', true),
    targetTags('windows', 'amd64', true),
    targetTags('darwin', 'arm64', true),
    targetTags('linux', 'amd64', false),
    targetTags('js', 'wasm', false),
    targetTags('plan9', 'amd64', false),
    targetTags('freebsd', 'amd64', true),
];
function fileNameConstraint(fileName) {
    const parts = fileName.replace(/\.go$/, '').replace(/_test$/, '').split('_');
    if (parts.length < 2)
        return () => true;
    const last = parts[parts.length - 1];
    const beforeLast = parts.length >= 3 ? parts[parts.length - 2] : undefined;
    if (knownArch.has(last) && beforeLast && knownOS.has(beforeLast))
        return (tags) => tags.has(last) && tags.has(beforeLast);
    if (knownOS.has(last) || knownArch.has(last))
        return (tags) => tags.has(last);
    return () => true;
}
/** `!` and parentheses nested deeper than this make a //go:build line unreadable (the go tool has a limit too): no line overflows the stack. */
const maxBuildNesting = 100;
/** Parses a //go:build expression: ||, &&, !, parentheses and tags; undefined when it is not one. */
function parseExpression(text) {
    const tokens = text.match(/\|\||&&|!|\(|\)|[\w.]+/g) ?? [];
    let at = 0;
    let nesting = 0;
    // A chain of || or && is one list, so no chain's length makes evaluation recurse.
    const chain = (operator, operand, join) => () => {
        const terms = [];
        for (;;) {
            const term = operand();
            if (!term)
                return undefined;
            terms.push(term);
            if (tokens[at] !== operator)
                break;
            at++;
        }
        return terms.length === 1 ? terms[0] : join(terms);
    };
    const not = () => {
        if (nesting >= maxBuildNesting)
            return undefined;
        nesting++;
        const result = operand();
        nesting--;
        return result;
    };
    const and = chain('&&', not, (terms) => (tags) => terms.every((t) => t(tags)));
    const or = chain('||', and, (terms) => (tags) => terms.some((t) => t(tags)));
    const operand = () => {
        const token = tokens[at++];
        if (token === '!') {
            // Go rejects a double negation.
            if (tokens[at] === '!')
                return undefined;
            const inner = not();
            return inner && ((tags) => !inner(tags));
        }
        if (token === '(') {
            const inner = or();
            if (tokens[at++] !== ')')
                return undefined;
            return inner;
        }
        return token && /^[\w.]+$/.test(token) ? (tags) => tags.has(token) : undefined;
    };
    const result = or();
    return at === tokens.length ? result : undefined;
}
/** `// +build a,b c` lines: spaces are OR, commas AND, ! negates; several lines AND. */
function parsePlusBuild(lines) {
    const clauses = lines.map((line) => line.trim().split(/\s+/).filter(Boolean).map((option) => option.split(',').map((term) => (term.startsWith('!') ? (tags) => !tags.has(term.slice(1)) : (tags) => tags.has(term)))));
    return (tags) => clauses.every((options) => options.some((terms) => terms.every((t) => t(tags))));
}
/** The header comments before the package clause. */
function header(source) {
    const end = source.search(/^package\s/m);
    return (end < 0 ? source : source.slice(0, end)).split('\n');
}
function goBuildLine(lines) {
    return lines.find((l) => /^\/\/go:build\s/.test(l))?.replace(/^\/\/go:build\s+/, '');
}
/** Why the file's //go:build line is not one the go tool accepts, if it is not. */
function buildLineProblem(source) {
    const goBuild = goBuildLine(header(source));
    return goBuild !== undefined && !parseExpression(goBuild) ? 'the //go:build line is not a build expression the go tool accepts; the file was analyzed as if it built everywhere' : undefined;
}
/** The constraint of one file: its name's GOOS/GOARCH suffixes and its //go:build (or // +build) lines. */
function fileConstraint(fileName, source) {
    const byName = fileNameConstraint(fileName);
    const lines = header(source);
    const goBuild = goBuildLine(lines);
    let byComment = () => true;
    if (goBuild !== undefined)
        byComment = parseExpression(goBuild) ?? (() => true);
    else {
        const plus = lines.filter((l) => /^\/\/\s*\+build\s/.test(l)).map((l) => l.replace(/^\/\/\s*\+build\s+/, ''));
        if (plus.length)
            byComment = parsePlusBuild(plus);
    }
    return (tags) => byName(tags) && byComment(tags);
}
/** The tags a file's build lines name, other than systems and architectures (which the standard targets choose). */
function mentionedTags(source) {
    const named = (header(source).find((l) => /^\/\/(go:|\s*\+)build\s/.test(l)) ?? '').match(/(?<![!\w.])[A-Za-z_][\w.]*/g) ?? [];
    return [...new Set(named.filter((t) => t !== 'go' && t !== 'build' && !knownOS.has(t) && !knownArch.has(t)))];
}
/** Tags the go command sets itself, from the target or its own flags (-race), rather than from -tags. */
const commandTags = new Set(['cgo', 'gc', 'gccgo', 'unix', 'race', 'msan', 'asan']);
/**
 * Whether a tag is one a build chooses with -tags: not a system, architecture,
 * release or the go command's own, nor an experiment (`goexperiment.regabiargs`),
 * which GOEXPERIMENT and the platform's defaults set.
 */
function isBuildTag(tag) {
    return !knownOS.has(tag) && !knownArch.has(tag) && !releaseTag.test(tag) && !commandTags.has(tag) && !tag.startsWith('goexperiment.');
}
/** One spelling of a set of tags, whatever the order they were added in. */
const tagsKey = (tags) => [...tags].sort().join(',');
/** The tags of a target that a build chooses with -tags, sorted: none for a standard target. */
function buildTagsOf(tags) {
    return [...tags].filter(isBuildTag).sort();
}
/** Subsets of tags tried one by one, smallest first; past pairs, only all of them (a constraint that needs more is rare). */
function subsetsBySize(tags) {
    const subsets = [[]];
    for (const tag of tags)
        subsets.push([tag]);
    tags.forEach((a, i) => tags.slice(i + 1).forEach((b) => subsets.push([a, b])));
    if (tags.length > 2)
        subsets.push(tags);
    return subsets;
}
/**
 * The fewest build tags (chosen with -tags) that, added to a target, make a
 * file build, when the target alone does not: `{invariants}` for a file of
 * `// +build invariants,!race tracing,!race` on linux/amd64: none when the
 * target builds it already, undefined when no such tags do.
 */
function tagsToBuild(fileName, source, target) {
    const constraint = fileConstraint(fileName, source);
    return subsetsBySize(mentionedTags(source).filter(isBuildTag)).find((subset) => constraint(new Set([...target, ...subset])));
}
/**
 * Tags that make a file build: the first standard target it fits, or the
 * first with the fewest tags its constraint names, built by the newest
 * release that builds it (a file for older Go, `//go:build !go1.24`, by Go
 * 1.23).
 */
function targetFor(fileName, source) {
    const constraint = fileConstraint(fileName, source);
    const mentioned = mentionedTags(source);
    // Release tags are always added: withRelease drops those above the release tried.
    const releases = mentioned.filter((t) => releaseTag.test(t));
    const subsets = subsetsBySize(mentioned.filter((t) => !releaseTag.test(t))).map((subset) => [...subset, ...releases]);
    const candidates = subsets.flatMap((subset) => standardTargets.map((base) => new Set([...base, ...subset])));
    // A release tag newer than the rules know is tried too: such a file is for a release yet to come.
    const newestNamed = Math.max(newestGo[1], ...releases.map((t) => Number(releaseTag.exec(t)[1])));
    for (let minor = newestNamed; minor >= 1; minor--) {
        const fits = candidates.map((tags) => withRelease(tags, minor)).find((tags) => constraint(tags));
        if (fits)
            return fits;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/order.ts
// The one order for names and paths: by Unicode code point, as Go compares
// strings (byte-wise UTF-8 gives the same order). localeCompare would follow
// the LANG of whoever runs the tool, and plain sort() puts characters above
// U+FFFF (two UTF-16 units) before U+E000..U+FFFF.
/** Negative, zero or positive as `a` sorts before, with or after `b` by code points. */
function order_byCodePoint(a, b) {
    const shorter = Math.min(a.length, b.length);
    for (let i = 0; i < shorter; i++) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(i);
        if (x !== y)
            return codePointRank(x) - codePointRank(y);
    }
    return a.length - b.length;
}
/** A surrogate unit starts or continues a code point above U+FFFF, so it ranks above every other unit. */
function codePointRank(unit) {
    return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x10000 : unit;
}

;// CONCATENATED MODULE: ./src/discover/sources.ts
// Source discovery: turns the user's patterns into Go package directories and
// their files, walking DIR/... the way the go tool does.




/** The path of `to` relative to `from` with forward slashes, as reports and configuration files write paths on every system. */
function slashedRelative(from, to) {
    return (0,external_node_path_namespaceObject.relative)(from, to).split(external_node_path_namespaceObject.sep).join('/');
}
/** Names the go tool passes over: files and folders starting with "." or "_", and vendor and testdata folders. */
function ignoredByGo(name) {
    return name.startsWith('.') || name.startsWith('_') || name === 'vendor' || name === 'testdata';
}
/** The .go files of a directory that the go tool builds from (by name), sorted. */
function sources_goFilesIn(dir) {
    return goFiles(dir, (0,external_node_fs_namespaceObject.readdirSync)(dir, { withFileTypes: true }));
}
/** The directory's .go files, sorted, from its entries. */
function goFiles(dir, entries) {
    return entries
        .filter((e) => e.name.endsWith('.go') && !ignoredByGo(e.name))
        .filter((e) => e.isFile() || (e.isSymbolicLink() && isFile((0,external_node_path_namespaceObject.join)(dir, e.name))))
        .map((e) => (0,external_node_path_namespaceObject.join)(dir, e.name))
        .sort(order_byCodePoint);
}
function isFile(path) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(path).isFile();
    }
    catch {
        return false;
    }
}
const errorCode = (error) => error.code ?? String(error);
/**
 * Directories below root with their Go files, each read once, skipping vendor, testdata, hidden and _ directories;
 * symlinked directories are not followed (as the go tool does), so links cannot loop. A directory below root that
 * cannot be read is named in `skipped` and the walk goes on; the root itself must be readable.
 */
function walk(root, cwd, found, skipped) {
    const pending = [root];
    for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
        let entries;
        try {
            entries = readdirSync(dir, { withFileTypes: true });
        }
        catch (error) {
            if (dir === root)
                throw new UsageError(`cannot read directory ${root}: ${errorCode(error)}`);
            skipped.push(`cannot read directory ${slashedRelative(cwd, dir) || '.'} (${errorCode(error)}); its packages are not analyzed`);
            continue;
        }
        const files = goFiles(dir, entries);
        if (files.length)
            found.push({ dir, files });
        const below = entries.filter((e) => e.isDirectory() && !ignoredByGo(e.name)).map((e) => join(dir, e.name));
        // Last first on the stack, so directories come out in the order a recursive walk gives.
        pending.push(...below.sort(byCodePoint).reverse());
    }
}
function statPattern(path, pattern) {
    try {
        return statSync(path);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ELOOP')
            throw new UsageError(`${pattern}: symbolic link loop`);
        if (code === 'ENOENT')
            throw new UsageError(`${pattern}: no such file or directory`);
        throw new UsageError(`${pattern}: cannot read (${code ?? String(error)})`);
    }
}
/** Expands patterns (file.go, DIR, DIR/...) into package directories, each once, in a stable order. */
function sources_discoverPackages(patterns, cwd) {
    if (!patterns.length)
        throw new UsageError('no packages to analyze: give a .go file, a directory or DIR/...');
    const dirs = new Map();
    const skipped = [];
    const add = (found) => {
        if (!dirs.has(found.dir))
            dirs.set(found.dir, found);
    };
    for (const pattern of patterns) {
        if (pattern === '...' || pattern.endsWith('/...')) {
            const base = resolve(cwd, pattern === '...' ? '.' : pattern.slice(0, -4) || '/');
            if (!statPattern(base, pattern).isDirectory())
                throw new UsageError(`${pattern}: not a directory`);
            const found = [];
            walk(base, cwd, found, skipped);
            found.forEach(add);
            continue;
        }
        const path = resolve(cwd, pattern);
        const stat = statPattern(path, pattern);
        const dir = stat.isDirectory() ? path : basename(path).endsWith('.go') ? dirname(path) : undefined;
        if (dir === undefined)
            throw new UsageError(`${pattern}: not a .go file or a directory`);
        if (dirs.has(dir))
            continue;
        let entries;
        try {
            entries = readdirSync(dir, { withFileTypes: true });
        }
        catch (error) {
            throw new UsageError(`cannot read directory ${dir}: ${errorCode(error)}`);
        }
        const files = goFiles(dir, entries);
        if (!files.length)
            throw new UsageError(`${pattern}: no Go files in ${dir}`);
        add({ dir, files });
    }
    return { dirs: [...dirs.values()], skipped };
}

;// CONCATENATED MODULE: ./src/discover/gomod.ts
// The Go module around a directory: go.mod (module path, go version, replace
// directives to local directories), the go.work that may hold it, and
// vendor/. Maps an import path of the module to its directory and back, as
// the go tool does, without the network and without a Go toolchain.




/**
 * The directives of a go.mod or go.work file: `verb args` lines and
 * `verb ( ... )` blocks, comments removed, quoted and raw strings unquoted.
 */
function readDirectives(text) {
    const directives = [];
    let block;
    for (const rawLine of text.split('\n')) {
        const tokens = lineTokens(rawLine);
        if (!tokens.length)
            continue;
        if (block !== undefined) {
            if (tokens[0] === ')')
                block = undefined;
            else
                directives.push({ verb: block, args: tokens });
            continue;
        }
        if (tokens.length === 2 && tokens[1] === '(')
            block = tokens[0];
        else
            directives.push({ verb: tokens[0], args: tokens.slice(1) });
    }
    return directives;
}
/** The tokens of one line: words, "quoted" and `raw` strings, ( ) and =>; a // comment ends the line. */
function lineTokens(line) {
    const tokens = [];
    const token = /\s*(?:(\/\/.*)|"((?:[^"\\]|\\.)*)"|`([^`]*)`|(=>|[()])|([^\s()"`]+))/gy;
    for (let match = token.exec(line); match; match = token.exec(line)) {
        if (match[1] !== undefined)
            break;
        if (match[2] !== undefined)
            tokens.push(unquote(match[2]));
        else
            tokens.push(match[3] ?? match[4] ?? match[5]);
    }
    return tokens;
}
function unquote(body) {
    try {
        return JSON.parse(`"${body}"`);
    }
    catch {
        return body;
    }
}
/** A replacement is a directory when it starts with ./ or ../ or is absolute (as the go tool decides). */
function localReplaces(directives, base) {
    const replaces = [];
    for (const { verb, args } of directives) {
        if (verb !== 'replace')
            continue;
        const arrow = args.indexOf('=>');
        const target = arrow >= 0 ? args[arrow + 1] : undefined;
        if (arrow < 1 || !target || !(target.startsWith('./') || target.startsWith('../') || (0,external_node_path_namespaceObject.isAbsolute)(target)))
            continue;
        replaces.push({ path: args[0], dir: (0,external_node_path_namespaceObject.resolve)(base, target) });
    }
    return replaces;
}
/** Reads the go.mod in dir; undefined when there is none or it cannot be read. */
function readModule(dir) {
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(dir, 'go.mod'), 'utf8');
    }
    catch {
        return undefined;
    }
    const directives = readDirectives(text);
    const path = directives.find((d) => d.verb === 'module')?.args[0] ?? '';
    const goVersion = directives.find((d) => d.verb === 'go')?.args[0];
    const vendored = releaseAtLeast(parseGoRelease(goVersion) ?? [0, 0], [1, 14]) && (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(dir, 'vendor', 'modules.txt'));
    const vendoredModules = vendored ? modulesTxtPaths((0,external_node_path_namespaceObject.join)(dir, 'vendor', 'modules.txt')) : [];
    return { dir, path, goVersion: goVersion && /^\d+\.\d+(\.\d+)?/.exec(goVersion)?.[0], replaces: localReplaces(directives, dir), vendored, vendoredModules };
}
/** The modules vendor/modules.txt lists: its `# path version` lines (`## ...` lines are annotations). */
function modulesTxtPaths(file) {
    let text = '';
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8');
    }
    catch {
        return [];
    }
    return [...text.matchAll(/^# (\S+)/gm)].map((m) => m[1]);
}
const modulesByDir = new Map();
const workspacesByModule = new Map();
/** The nearest go.mod at or above dir. */
function moduleFor(dir) {
    if (modulesByDir.has(dir))
        return modulesByDir.get(dir);
    const module = (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(dir, 'go.mod')) ? readModule(dir) : (0,external_node_path_namespaceObject.dirname)(dir) !== dir ? moduleFor((0,external_node_path_namespaceObject.dirname)(dir)) : undefined;
    modulesByDir.set(dir, module);
    return module;
}
/** The go directive of the nearest go.mod at or above dir. */
function goVersionFor(dir) {
    return moduleFor(dir)?.goVersion;
}
/** The nearest go.work at or above dir, when GOWORK does not turn workspaces off or name another file. */
function workFileFor(dir) {
    const forced = process.env.GOWORK;
    if (forced === 'off')
        return undefined;
    if (forced)
        return (0,external_node_path_namespaceObject.isAbsolute)(forced) && (0,external_node_fs_namespaceObject.existsSync)(forced) ? forced : undefined;
    for (let at = dir;; at = (0,external_node_path_namespaceObject.dirname)(at)) {
        if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(at, 'go.work')))
            return (0,external_node_path_namespaceObject.join)(at, 'go.work');
        if ((0,external_node_path_namespaceObject.dirname)(at) === at)
            return undefined;
    }
}
/** The modules built together with the module around dir: its go.work's, when that go.work uses it, else the module alone. */
function gomod_workspaceFor(dir) {
    const module = moduleFor(dir);
    if (!module)
        return undefined;
    let workspace = workspacesByModule.get(module.dir);
    if (workspace)
        return workspace;
    workspace = { modules: [module], replaces: [] };
    const workFile = workFileFor(module.dir);
    if (workFile) {
        let text = '';
        try {
            text = (0,external_node_fs_namespaceObject.readFileSync)(workFile, 'utf8');
        }
        catch {
            // An unreadable go.work leaves the module alone, as if there were none.
        }
        const directives = readDirectives(text);
        const used = directives.filter((d) => d.verb === 'use' && d.args[0]).map((d) => (0,external_node_path_namespaceObject.resolve)((0,external_node_path_namespaceObject.dirname)(workFile), d.args[0]));
        if (used.includes(module.dir)) {
            const modules = used.map((u) => (u === module.dir ? module : readModule(u))).filter((m) => m !== undefined);
            workspace = { workFile, modules, replaces: localReplaces(directives, (0,external_node_path_namespaceObject.dirname)(workFile)) };
        }
    }
    for (const m of workspace.modules)
        workspacesByModule.set(m.dir, workspace);
    return workspace;
}
/** Whether path is prefix itself or a path below it. */
function within(path, prefix) {
    return path === prefix || path.startsWith(prefix + '/');
}
function isDirectory(path) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
/** Whether a go.mod below base, at or above dir, makes dir part of another module. */
function nestedModuleBetween(base, dir) {
    for (let at = dir; at !== base && at.startsWith(base); at = (0,external_node_path_namespaceObject.dirname)(at)) {
        if ((0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(at, 'go.mod')))
            return true;
    }
    return false;
}
/** Where the workspace's own source lies: each module, and each local replacement, with the import path prefix it serves. */
function sourceRoots(workspace) {
    return [
        ...workspace.modules.filter((m) => m.path).map((m) => ({ prefix: m.path, dir: m.dir })),
        // go.work's replacements win over the modules' own.
        ...workspace.replaces.map((r) => ({ prefix: r.path, dir: r.dir })),
        ...workspace.modules.flatMap((m) => m.replaces.filter((r) => !workspace.replaces.some((w) => w.path === r.path)).map((r) => ({ prefix: r.path, dir: r.dir }))),
    ];
}
/** The import path prefixes of the workspace's own source (its modules and local replacements; not vendor/). */
function sourcePrefixes(workspace) {
    return [...new Set(sourceRoots(workspace).map((r) => r.prefix))];
}
/** The module paths the build reads from vendor/: vendoring applies to a module built alone. */
function vendoredPrefixes(workspace) {
    const main = workspace.modules[0];
    return !workspace.workFile && main.vendored ? main.vendoredModules : [];
}
/**
 * The directory of a package of the workspace, by import path: a package of
 * one of its modules (the longest module path wins, as nested modules do), of
 * a local replacement, or vendored. Undefined for the standard library and
 * for modules only the network has.
 */
function packageDir(workspace, importPath) {
    const below = (base, prefix) => (importPath === prefix ? base : (0,external_node_path_namespaceObject.join)(base, ...importPath.slice(prefix.length + 1).split('/')));
    let best;
    for (const candidate of sourceRoots(workspace)) {
        if (within(importPath, candidate.prefix) && (!best || candidate.prefix.length > best.prefix.length))
            best = candidate;
    }
    if (best) {
        const dir = below(best.dir, best.prefix);
        return isDirectory(dir) && !nestedModuleBetween(best.dir, dir) ? dir : undefined;
    }
    // Vendoring applies to a module built alone.
    const main = workspace.modules[0];
    if (vendoredPrefixes(workspace).length) {
        const dir = (0,external_node_path_namespaceObject.join)(main.dir, 'vendor', ...importPath.split('/'));
        if (isDirectory(dir))
            return dir;
    }
    return undefined;
}
/** The import path of the package in dir, when dir lies in a module of the workspace, a local replacement, or vendor/. */
function importPathOf(workspace, dir) {
    const under = (base) => {
        const rel = slashedRelative(base, dir);
        return rel === '' ? '' : rel.startsWith('..') || (0,external_node_path_namespaceObject.isAbsolute)(rel) ? undefined : rel;
    };
    const join2 = (prefix, rel) => (rel ? `${prefix}/${rel}` : prefix);
    let best;
    const consider = (base, path) => {
        const rel = under(base);
        if (rel === undefined || (best && best.base.length >= base.length))
            return;
        best = { base, path: join2(path, rel) };
    };
    for (const m of workspace.modules) {
        const vendorRel = under((0,external_node_path_namespaceObject.join)(m.dir, 'vendor'));
        if (vendorRel)
            return vendorRel;
        if (m.path)
            consider(m.dir, m.path);
        for (const r of m.replaces)
            consider(r.dir, r.path);
    }
    for (const r of workspace.replaces)
        consider(r.dir, r.path);
    return best?.path;
}

;// CONCATENATED MODULE: ./src/errors.ts
/** A problem with what the user asked for (bad flag, missing path): exit 2, one line, no stack. */
class errors_UsageError extends Error {
    name = 'UsageError';
}

;// CONCATENATED MODULE: ./src/findings.ts
// The shape every rule produces and every reporter consumes.

const severityRank = { error: 3, warning: 2, notice: 1 };
function atOrAbove(severity, failOn) {
    return failOn !== 'never' && severityRank[severity] >= severityRank[failOn];
}
/** By file, line, column and rule: the order of go vet's output. */
function findings_compareByPlace(a, b) {
    return byCodePoint(a.path, b.path) || a.line - b.line || a.column - b.column || byCodePoint(a.ruleId, b.ruleId);
}
/** Most severe first, then by place: the order annotations are shown in. */
function compareFindings(a, b) {
    return severityRank[b.severity] - severityRank[a.severity] || findings_compareByPlace(a, b);
}

;// CONCATENATED MODULE: ./src/model/module.ts
// The other packages of the module a package is analyzed in. A package is
// opened when the analysis first asks for a name it may declare (a type, a
// function, a method set, a field's type), each of its files is parsed only
// when a lookup needs a name that file may declare, and the model is then
// shared by every package this thread analyzes in the run. Lazy answers are
// the answers of a full read, so results never depend on what was asked
// first, nor on the thread.






const utf8 = new TextDecoder('utf-8', { fatal: true });
const packageClause = /^package[ \t]+(\w+)/m;
/** A Go interpreted string on one line, as an import path is written. */
const quotedString = /"([^"\\\n]+)"/g;
/** Go text of a file, or undefined when it cannot be Go source (binary, not UTF-8, unreadable). */
function module_readGoText(path) {
    try {
        const bytes = (0,external_node_fs_namespaceObject.readFileSync)(path);
        return bytes.includes(0) ? undefined : utf8.decode(bytes);
    }
    catch {
        return undefined;
    }
}
/** A Go identifier, as the wrapper prefilter reads one from text. */
const identifier = String.raw `[\p{L}_][\p{L}\p{N}_]*`;
/** Type arguments on one line, as `Track[*T, int]` writes them. */
const typeArguments = String.raw `(?:\s*\[[^;{}\n]{0,200}?\])?`;
/** One argument that is a name, maybe in parentheses (`nil` is never a parameter). */
const nameArgument = String.raw `(?:\(\s*)*(?!nil\b)${identifier}(?![\p{L}\p{N}_])(?:\s*\))*\s*`;
/**
 * The arguments of a call that passes names on as they came, as a wrapper
 * passes its parameters (`(obj, fin)`). Each run of spaces has one place in
 * the pattern, so a call that fails to match late (many names, then an
 * expression) costs linear time, not a search over how the spaces split.
 */
const namesOnly = String.raw `\s*\(\s*${nameArgument}(?:,\s*${nameArgument})*(?:,\s*)?\)`;
/** A call of the runtime's functions that passes names on. */
const hookForwarding = new RegExp(String.raw `\b(?:SetFinalizer|AddCleanup)${typeArguments}${namesOnly}`, 'u');
/** The runtime's function as a value (`var setFinalizer = runtime.SetFinalizer`): calls of that value may pass names on. */
const hookValue = /\.\s*(?:SetFinalizer|AddCleanup)\b(?!\s*\()/;
/** A comment on a line of its own. */
const lineComment = /^[ \t]*\/\/.*$/gm;
/** Whether the text names the runtime's functions at all: a quick test before the patterns. */
const mentionsHook = (text) => text.includes('SetFinalizer') || text.includes('AddCleanup');
/** Whether the text names the runtime's functions as values. */
const namesHookAsValue = (text) => mentionsHook(text) && hookValue.test(text);
/** Whether a file's text passes names on to the runtime's functions itself. */
const forwardsItself = (text) => (mentionsHook(text) && hookForwarding.test(text)) || namesHookAsValue(text);
/** Where a file's imports end: its first other declaration. */
const firstDeclaration = /^(?:func|type|var|const)\b/m;
/** A file's text up to its first declaration: its package clause and imports. */
function importsOf(text) {
    const end = text.search(firstDeclaration);
    return end < 0 ? text : text.slice(0, end);
}
/** The name an import path is imported under, written before it on its line (`leak "example.com/app/leak"`, `. "..."`). */
const importName = new RegExp(String.raw `(?:^|[\s(;])(${identifier}|\.)[ \t]+$`, 'u');
/**
 * What the text of a workspace's packages says about finalizer wrappers, with
 * no parse: which packages may pass their parameters on to
 * runtime.SetFinalizer or AddCleanup, because their files call one with
 * names only (or name one as a value), or call so a function or method that
 * may be a wrapper of a package of the workspace they import, at most
 * `levels` packages down; and which of their functions and methods other
 * packages may call as wrappers. A superset of the wrappers: the parsed code
 * decides. A wrapper method is looked for where the file imports its
 * package.
 */
class WrapperScan {
    workspace;
    levels;
    everyPackageMayWrap;
    prefixes;
    /** The quoted prefixes, as bytes to look for before a file is decoded. */
    quotedPrefixes;
    /** By depth, then import path (every file of a tree asks about each of its imports). */
    wrappersAt = [];
    packageTexts = new Map();
    /** By qualifier and kind: the calls through that qualifier, as patterns made once. */
    callPatterns = new Map();
    constructor(workspace, levels, 
    /** Without shortcuts: every package of the workspace may wrap, so that the parsed code alone decides. */
    everyPackageMayWrap = false) {
        this.workspace = workspace;
        this.levels = levels;
        this.everyPackageMayWrap = everyPackageMayWrap;
        // Vendored packages are read from vendor/, as the build reads them.
        this.prefixes = [...sourcePrefixes(workspace), ...vendoredPrefixes(workspace)];
        this.quotedPrefixes = this.prefixes.map((p) => Buffer.from(`"${p}`));
    }
    /** Whether a file's bytes may import a package of the workspace's own source (or vendor/) at all. */
    mayImport(bytes) {
        return this.quotedPrefixes.some((quoted) => bytes.includes(quoted));
    }
    /** Whether Go text calls a function that may be a wrapper of a package of the workspace it imports, under the name it imports it by. */
    callsWrapper(text, levels = this.levels) {
        return this.callsImported(text, levels, false);
    }
    /** Whether Go text imports a package of the workspace's own source. */
    importsOwnPackage(text) {
        return this.importedDirs(text).length > 0;
    }
    /** The directories of the workspace's own packages that Go text names in quotes: its imports of them, and maybe more. */
    importedDirs(text) {
        const dirs = [];
        for (const [, path] of text.matchAll(quotedString)) {
            const dir = this.inSource(path) ? packageDir(this.workspace, path) : undefined;
            if (dir)
                dirs.push(dir);
        }
        return dirs;
    }
    inSource(importPath) {
        return this.prefixes.some((prefix) => within(importPath, prefix));
    }
    /** Whether the package at an import path may pass its parameters on to the runtime, itself or through packages it imports. */
    mayWrap(importPath, levels = this.levels) {
        if (this.everyPackageMayWrap)
            return this.inSource(importPath);
        return this.wrapperText(importPath, levels) !== undefined;
    }
    /**
     * Whether the text calls a function that may be a wrapper of a package it
     * imports, qualified by the name it imports it under (bare for a dot
     * import); `forwarding`: a call that passes names on.
     */
    callsImported(text, levels, forwarding, imports) {
        return !this.calledWrapperPackages(text, levels, forwarding, imports).next().done;
    }
    /**
     * The import paths of the packages whose wrappers the text may call, as
     * callsImported tells them (each may come more than once); `imports`: those
     * of the file the text is part of.
     */
    *calledWrapperPackages(code, levels, forwarding, imports) {
        if (levels <= 0)
            return;
        imports ??= importsOf(code);
        for (const match of imports.matchAll(quotedString)) {
            const path = match[1];
            const wrappers = this.inSource(path) ? this.wrapperText(path, levels) : undefined;
            if (!wrappers)
                continue;
            const alias = importName.exec(imports.slice(imports.lastIndexOf('\n', match.index) + 1, match.index))?.[1];
            if (alias === '_')
                continue;
            const qualifiers = alias === '.' ? [''] : alias && alias !== 'import' ? [alias] : [...wrappers.packageNames];
            const called = () => {
                for (const qualifier of qualifiers) {
                    if (!code.includes(qualifier))
                        continue;
                    for (const [, name] of code.matchAll(this.callPattern(qualifier, forwarding)))
                        if (wrappers.functions.has(name))
                            return true;
                }
                if (wrappers.methods.size)
                    for (const [, name] of code.matchAll(this.callPattern('.', forwarding)))
                        if (wrappers.methods.has(name))
                            return true;
                return false;
            };
            if (called())
                yield path;
        }
    }
    /**
     * The build configurations, beyond the target, in which the wrappers Go
     * text calls pass their parameters on: for each package of the workspace
     * it calls wrappers of and none of whose forwarding files builds for the
     * target, the fewest -tags that build one of them (`invariants` for a
     * wrapper that is a no-op unless built with -tags invariants), each set
     * once. A file that passes names on to another package's wrapper counts as
     * forwarding; the tags that package needs in turn are not followed.
     */
    tagsForWrappers(text, target) {
        const found = new Map();
        for (const path of new Set(this.calledWrapperPackages(text, this.levels, false))) {
            const pkg = this.packageText(path);
            // Comments name the runtime's functions too ("a wrapper around runtime.SetFinalizer"): a no-op's file is not forwarding.
            pkg.forwardingTexts ??= pkg.texts.flatMap((t, i) => {
                const code = t.replace(lineComment, '');
                return forwardsItself(code) || this.callsImported(code, this.levels - 1, true) ? [i] : [];
            });
            const needs = pkg.forwardingTexts.map((i) => tagsToBuild(pkg.names[i], pkg.texts[i], target));
            // A wrapper that forwards in the target's own build needs nothing more.
            if (needs.some((tags) => tags?.length === 0))
                continue;
            for (const tags of needs)
                if (tags)
                    found.set(tags.join(','), tags);
        }
        return [...found.values()];
    }
    /**
     * `q.Name(`, or `Name(` for the empty qualifier, or `.Name(` on any value
     * for the qualifier ".", capturing Name; `forwarding`: only with names for
     * arguments.
     */
    callPattern(qualifier, forwarding) {
        const key = `${forwarding} ${qualifier}`;
        let pattern = this.callPatterns.get(key);
        if (!pattern) {
            const before = qualifier === '.' ? String.raw `\.\s*` : qualifier ? String.raw `(?<![\p{L}\p{N}_])${qualifier}\s*\.\s*` : String.raw `(?<![\p{L}\p{N}_.])`;
            pattern = new RegExp(String.raw `${before}(${identifier})${typeArguments}${forwarding ? namesOnly : String.raw `\s*\(`}`, 'gu');
            this.callPatterns.set(key, pattern);
        }
        return pattern;
    }
    /** What the package at an import path says about its wrappers, when it may have some `levels` packages down. */
    wrapperText(importPath, levels) {
        if (levels <= 0)
            return undefined;
        const known = (this.wrappersAt[levels] ??= new Map());
        if (known.has(importPath))
            return known.get(importPath);
        // Go has no import cycles; broken code that has one ends here.
        known.set(importPath, undefined);
        const text = this.packageText(importPath);
        const candidates = text.forwardsToRuntime || text.texts.some((t) => this.callsImported(t, levels - 1, true)) ? this.wrappersIn(text, levels) : undefined;
        // A package none of whose functions other packages call may pass names on has no wrappers for them.
        const found = candidates && (candidates.functions.size || candidates.methods.size) ? candidates : undefined;
        known.set(importPath, found);
        return found;
    }
    packageText(importPath) {
        let text = this.packageTexts.get(importPath);
        if (text)
            return text;
        const dir = packageDir(this.workspace, importPath);
        const texts = [];
        const names = [];
        for (const path of dir ? sources_goFilesIn(dir).filter((p) => !p.endsWith('_test.go')) : []) {
            const t = module_readGoText(path);
            if (t === undefined)
                continue;
            texts.push(t);
            names.push((0,external_node_path_namespaceObject.basename)(path));
        }
        text = { texts, names, forwardsToRuntime: texts.some(forwardsItself) };
        this.packageTexts.set(importPath, text);
        return text;
    }
    /**
     * The functions and methods of a package that may pass their parameters on:
     * those whose text calls the runtime's functions with names only, or so
     * calls a wrapper of a package it imports (`levels` down), or so calls
     * another of the package's own that may (a function named as a value, or a
     * field that holds one, makes every function with parameters a candidate).
     */
    wrappersIn(text, levels) {
        const declared = (text.declared ??= this.declaredIn(text));
        const { functions, anyFunction, forwarding, calledNames } = declared;
        const mayForward = new Set(functions.filter((f) => anyFunction || forwarding.has(f) || this.callsImported(f.code, levels - 1, true, f.imports)));
        // The callers that pass names on to those, and theirs, until no more are found.
        if (mayForward.size && mayForward.size < functions.length) {
            const callers = new Map();
            for (const f of functions) {
                if (mayForward.has(f))
                    continue;
                let called = calledNames.get(f);
                if (!called)
                    calledNames.set(f, (called = this.namesCalledWithNames(f.code)));
                for (const name of called) {
                    const list = callers.get(name);
                    if (list)
                        list.push(f);
                    else
                        callers.set(name, [f]);
                }
            }
            const todo = [...mayForward];
            for (let f = todo.pop(); f; f = todo.pop()) {
                for (const caller of callers.get(f.name) ?? []) {
                    if (mayForward.has(caller))
                        continue;
                    mayForward.add(caller);
                    todo.push(caller);
                }
            }
        }
        const wrappers = { packageNames: declared.packageNames, functions: new Set(), methods: new Set() };
        for (const f of mayForward)
            if (f.exported && f.hasParameters)
                (f.method ? wrappers.methods : wrappers.functions).add(f.name);
        return wrappers;
    }
    declaredIn(text) {
        const packageNames = new Set();
        for (const t of text.texts) {
            const name = packageClause.exec(t)?.[1];
            if (name)
                packageNames.add(name);
        }
        const functions = text.texts.flatMap((t) => topLevelFunctions(t));
        const forwarding = new Set(functions.filter((f) => forwardsItself(f.code)));
        return { packageNames, functions, anyFunction: text.texts.some(namesHookAsValue), forwarding, calledNames: new Map() };
    }
    /** The names code calls, bare or after a dot, with names only for arguments. */
    namesCalledWithNames(code) {
        const names = new Set();
        for (const qualifier of ['', '.'])
            for (const [, name] of code.matchAll(this.callPattern(qualifier, true)))
                names.add(name);
        return names;
    }
}
/** Where a function declaration starts a line, as gofmt writes it. */
const functionStart = /^func\b/gm;
/** The head of a function or method declaration: `func Name(`, `func Name[`, `func (r *T[K]) Name(`. */
const functionHead = new RegExp(String.raw `func\s*(\((?:[^()]|\([^()]*\))*\)\s*)?(${identifier})\s*(?:\[|\((\s*\))?)`, 'uy');
/**
 * The functions and methods declared in Go text, each with the text up to
 * the next one that starts a line: its body, and maybe declarations of other
 * kinds after it (more text only makes more candidates). A `func` that starts
 * a line but names nothing (a function literal, where the code is not
 * gofmt'd) belongs to the function before it.
 */
function topLevelFunctions(text) {
    const starts = [...text.matchAll(functionStart)].map((m) => m.index);
    const imports = importsOf(text);
    const functions = [];
    for (let i = 0; i < starts.length; i++) {
        const code = text.slice(starts[i], starts[i + 1] ?? text.length);
        functionHead.lastIndex = 0;
        const head = functionHead.exec(code);
        const previous = functions[functions.length - 1];
        if (!head) {
            if (previous)
                previous.code += code;
            continue;
        }
        const name = head[2];
        functions.push({ name, method: !!head[1], exported: /^\p{Lu}/u.test(name), hasParameters: head[3] === undefined, code, imports });
    }
    return functions;
}
class ModulePackages {
    parser;
    lazy;
    wrapperLevels;
    /** One resolver per workspace and build target, each with the packages it opened (undefined for paths outside the workspace). */
    resolvers = new Map();
    trees = [];
    /** Files of other packages parsed so far. */
    parsedFiles = 0;
    /** The import paths of the packages found since the caller last cleared it. */
    reached = new Set();
    scans = new Map();
    /**
     * `lazy`: files are parsed only when a lookup needs them; off, every file
     * of a package opened is parsed at once. `wrapperLevels`: how many
     * packages down each workspace's WrapperScan follows wrappers of wrappers.
     */
    constructor(parser, lazy, wrapperLevels) {
        this.parser = parser;
        this.lazy = lazy;
        this.wrapperLevels = wrapperLevels;
    }
    /** The workspace's WrapperScan, one for the run. */
    wrapperScan(workspace) {
        let scan = this.scans.get(workspace);
        if (!scan)
            this.scans.set(workspace, (scan = new WrapperScan(workspace, this.wrapperLevels, !this.lazy)));
        return scan;
    }
    /**
     * What finds the packages of a workspace by import path, their files
     * chosen for the build target `tags` (no test files): undefined for
     * packages outside it (the standard library, modules only the network has).
     */
    resolver(workspace, tags) {
        let byTarget = this.resolvers.get(workspace);
        if (!byTarget)
            this.resolvers.set(workspace, (byTarget = new Map()));
        const target = tagsKey(tags);
        let resolve = byTarget.get(target);
        if (resolve)
            return resolve;
        const known = new Map();
        resolve = (importPath) => {
            if (known.has(importPath)) {
                const pkg = known.get(importPath);
                if (pkg)
                    this.reached.add(importPath);
                return pkg;
            }
            // Set first: a package asked for again while it is being opened is not followed twice.
            known.set(importPath, undefined);
            const dir = packageDir(workspace, importPath);
            const pkg = dir ? this.open(dir, importPath, tags, resolve) : undefined;
            known.set(importPath, pkg);
            if (pkg)
                this.reached.add(importPath);
            return pkg;
        };
        byTarget.set(target, resolve);
        return resolve;
    }
    open(dir, importPath, tags, imported) {
        const sources = [];
        for (const path of sources_goFilesIn(dir)) {
            if (path.endsWith('_test.go'))
                continue;
            const text = module_readGoText(path);
            if (text === undefined || !fileConstraint((0,external_node_path_namespaceObject.basename)(path), text)(tags))
                continue;
            sources.push({ path, text, name: packageClause.exec(text)?.[1] ?? '' });
        }
        // The files of one directory name one package; the first file's name decides.
        const name = sources.find((s) => s.name)?.name;
        if (!name)
            return undefined;
        const parse = (source) => {
            const tree = this.parser.parse(source.text);
            if (!tree)
                throw new Error(`the parser returned no tree for ${source.path}`);
            this.trees.push(tree);
            this.parsedFiles++;
            return readFileModel(source.path, source.text, tree, importPath);
        };
        const own = sources.filter((s) => s.name === name);
        const loadMore = pendingFiles(this.lazy ? own : [], parse);
        const pkg = buildPackage(dir, name, this.lazy ? [] : own.map(parse), loadMore);
        pkg.path = importPath;
        pkg.imported = imported;
        return pkg;
    }
    /** Frees the parse trees of every package opened. */
    dispose() {
        for (const tree of this.trees.splice(0))
            tree.delete();
        this.resolvers.clear();
        this.scans.clear();
    }
}

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
// EXTERNAL MODULE: ./src/parse/tree-sitter.cjs
var tree_sitter = __nccwpck_require__(564);
var tree_sitter_default = /*#__PURE__*/__nccwpck_require__.n(tree_sitter);
;// CONCATENATED MODULE: ./src/parse/parser.ts
// Loads tree-sitter and the Go grammar from .wasm files. Both files sit next
// to the bundle in dist/ (the build copies them there); when running from
// src/ they come from node_modules.




const { Parser, Language, Node, Tree: TreeClass } = (tree_sitter_default());
const here = (0,external_node_path_namespaceObject.dirname)((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url));
function wasmPath(fileName, packageName) {
    const candidates = [(0,external_node_path_namespaceObject.join)(here, fileName), (0,external_node_path_namespaceObject.join)(here, '..', '..', 'node_modules', packageName, fileName)];
    const found = candidates.find((candidate) => (0,external_node_fs_namespaceObject.existsSync)(candidate));
    if (!found)
        throw new Error(`cannot find ${fileName} next to the program`);
    return found;
}
/**
 * What a node remembers of the answers web-tree-sitter gave it. A class, so
 * every node's answers have one shape and reading them stays a plain field load.
 */
class Answers {
    text = undefined;
    endIndex = -1;
    parent = undefined;
    children = undefined;
    namedChildren = undefined;
    /** By field name: an object without a prototype, a fraction of a Map's size. */
    fields = undefined;
    descendants = undefined;
}
const remembered = Symbol('remembered');
const nodesById = Symbol('nodes by id');
const answers = (node) => (node[remembered] ??= new Answers());
function canonical(node) {
    if (!node)
        return node;
    const nodes = (node.tree[nodesById] ??= new Map());
    const known = nodes.get(node.id);
    if (known)
        return known;
    nodes.set(node.id, node);
    // The answer asked most of all (every switch over the syntax) as a plain property of the node.
    Object.defineProperty(node, 'type', { value: typeOfNode.call(node) });
    return node;
}
const typeOfNode = Object.getOwnPropertyDescriptor(Node.prototype, 'type').get;
/**
 * The list itself, of the nodes' own objects: every list web-tree-sitter
 * hands out is new, and the child lists it keeps would otherwise keep a
 * second object of every child.
 */
function canonicalInPlace(nodes) {
    for (let i = 0; i < nodes.length; i++)
        nodes[i] = canonical(nodes[i]);
    return nodes;
}
/**
 * A tree is never edited after parsing, so what its nodes answer never changes;
 * yet web-tree-sitter asks the WebAssembly side again each time and returns a new
 * node object for every child. The analysis walks the same bodies over and over
 * (callees inlined at each call, loops iterated): each node is one object, which
 * keeps its answers; a child by index is read from the children the node keeps.
 */
function rememberNodeAnswers() {
    const proto = Node.prototype;
    const original = (name) => Object.getOwnPropertyDescriptor(Node.prototype, name).get;
    const define = (name, get) => Object.defineProperty(proto, name, { configurable: true, get });
    const text = original('text');
    define('text', function () {
        const known = answers(this);
        return (known.text ??= text.call(this));
    });
    const endIndex = original('endIndex');
    define('endIndex', function () {
        const known = answers(this);
        if (known.endIndex < 0)
            known.endIndex = endIndex.call(this);
        return known.endIndex;
    });
    const parent = original('parent');
    define('parent', function () {
        const known = answers(this);
        if (known.parent === undefined)
            known.parent = canonical(parent.call(this));
        return known.parent;
    });
    // web-tree-sitter keeps a node's child lists itself, but of new objects; each is read once and made of the nodes' own objects.
    const children = original('children');
    const childrenOf = (node) => {
        const known = answers(node);
        return (known.children ??= canonicalInPlace(children.call(node)));
    };
    define('children', function () {
        return childrenOf(this);
    });
    define('childCount', function () {
        return childrenOf(this).length;
    });
    proto.child = function (index) {
        return childrenOf(this)[index] ?? null;
    };
    const namedChildren = original('namedChildren');
    const namedChildrenOf = (node) => {
        const known = answers(node);
        return (known.namedChildren ??= canonicalInPlace(namedChildren.call(node)));
    };
    define('namedChildren', function () {
        return namedChildrenOf(this);
    });
    define('namedChildCount', function () {
        return namedChildrenOf(this).length;
    });
    proto.namedChild = function (index) {
        return namedChildrenOf(this)[index] ?? null;
    };
    for (const name of ['nextSibling', 'previousSibling', 'nextNamedSibling', 'previousNamedSibling']) {
        const sibling = original(name);
        define(name, function () {
            return canonical(sibling.call(this));
        });
    }
    const rootNode = Object.getOwnPropertyDescriptor(TreeClass.prototype, 'rootNode').get;
    Object.defineProperty(TreeClass.prototype, 'rootNode', {
        configurable: true,
        get() {
            return (this[remembered] ??= canonical(rootNode.call(this)));
        },
    });
    const childForFieldName = Node.prototype.childForFieldName;
    proto.childForFieldName = function (field) {
        const fields = (answers(this).fields ??= Object.create(null));
        let child = fields[field];
        if (child === undefined)
            fields[field] = child = canonical(childForFieldName.call(this, field));
        return child;
    };
    const childrenForFieldName = Node.prototype.childrenForFieldName;
    proto.childrenForFieldName = function (field) {
        return canonicalInPlace(childrenForFieldName.call(this, field));
    };
    const descendantForIndex = Node.prototype.descendantForIndex;
    proto.descendantForIndex = function (...range) {
        return canonical(descendantForIndex.call(this, ...range));
    };
    const descendantsOfType = Node.prototype.descendantsOfType;
    proto.descendantsOfType = function (types, ...range) {
        if (range.length)
            return canonicalInPlace(descendantsOfType.call(this, types, ...range));
        const descendants = (answers(this).descendants ??= new Map());
        const key = String(types);
        let found = descendants.get(key);
        if (!found)
            descendants.set(key, (found = canonicalInPlace(descendantsOfType.call(this, types))));
        // A copy: the caller may sort or filter it in place.
        return found.slice();
    };
}
let loading;
/** The one Go parser of this thread, created on first use. */
function goParser() {
    loading ??= (async () => {
        await Parser.init({ wasmBinary: (0,external_node_fs_namespaceObject.readFileSync)(wasmPath('web-tree-sitter.wasm', 'web-tree-sitter')) });
        rememberNodeAnswers();
        const go = await Language.load((0,external_node_fs_namespaceObject.readFileSync)(wasmPath('tree-sitter-go.wasm', 'tree-sitter-go')));
        const parser = new Parser();
        parser.setLanguage(go);
        return parser;
    })();
    return loading;
}
/** `new(` where a later Go release allows an expression (Go 1.26: `new(42)`, `new(f())`). */
const newCall = /\bnew\s*\(/g;
/**
 * Parses Go source. tree-sitter-go 0.25 knows `new(T)` only with a type, so
 * Go 1.26's `new(expr)` is an error to it, one that can spoil the statements
 * after it. Where that is the error, the file is parsed again with each such
 * `new` spelled as an ordinary function name of the same length, which reads
 * `new(expr)` as the call it is; the tree then reads its text from the file as
 * written, so every node shows `new`.
 */
function parseGo(parser, text) {
    const tree = parser.parse(text);
    if (!tree || !tree.rootNode.hasError)
        return tree ? { tree } : undefined;
    const starts = [];
    for (const match of text.matchAll(newCall)) {
        const node = tree.rootNode.descendantForIndex(match.index);
        const parent = node?.parent;
        const inError = !!parent && (parent.isError || (parent.type === 'call_expression' && !!parent.childForFieldName('arguments')?.hasError));
        if (node?.type === 'identifier' && node.text === 'new' && inError)
            starts.push(match.index);
    }
    if (!starts.length)
        return { tree };
    let patched = text;
    for (const start of starts)
        patched = patched.slice(0, start) + 'neW' + patched.slice(start + 3);
    const again = parser.parse(patched);
    if (!again)
        return { tree };
    // Kept only when the construct was the trouble: the first error, if any is left, comes later.
    const before = firstError(tree.rootNode)?.startIndex ?? 0;
    const after = firstError(again.rootNode)?.startIndex;
    if (after !== undefined && after <= before) {
        again.delete();
        return { tree };
    }
    tree.delete();
    // The tree's text comes from this callback (web-tree-sitter keeps it on the tree): the file as written.
    again.textCallback = (index) => text.slice(index);
    const first = again.rootNode.descendantForIndex(starts[0])?.parent ?? again.rootNode;
    return { tree: again, newer: { construct: 'new(expr)', node: first } };
}
/** The first place the parser could not make sense of (a loop, not a recursion: errors nest as deep as the code). */
function firstError(root) {
    let node = root;
    for (;;) {
        if (node.isError || node.isMissing)
            return node;
        const child = node.children.find((c) => c?.hasError || c?.isMissing);
        if (!child)
            return node === root ? undefined : node;
        node = child;
    }
}

;// CONCATENATED MODULE: ./src/rules/describe.ts


/** "foo (*Foo)": the first argument as written, with its static type when known. */
function describeArgument(site, index) {
    const arg = site.args[index];
    const text = arg ? inline(arg) : '?';
    const type = site.evaluations[0]?.argTypes[index];
    return type && type.kind !== 'unknown' ? `${text} (${typeName(type)})` : text;
}
/** The assignments and field declarations along a path, for related locations. */
function relatedAlong(edges) {
    const related = [];
    for (const edge of edges) {
        const statement = firstLine(edge.node.text);
        related.push({ node: edge.node, file: edge.file, message: `${edge.via}: ${statement}` });
        if (edge.field)
            related.push({ node: edge.field.node, file: edge.field.file, message: `field ${edge.via} declared here` });
    }
    return related;
}
/** What the call attaches: a finalizer (SetFinalizer) or a cleanup (AddCleanup). */
function hookNoun(site) {
    return site.kind === 'AddCleanup' ? 'cleanup' : 'finalizer';
}
/**
 * "a" or "an" as the word is spoken: "an 8-byte", "an 11-byte", "a 16-byte",
 * "an int", "a uint".
 */
function withArticle(phrase) {
    const number = /^\d+/.exec(phrase)?.[0];
    let vowel;
    if (number) {
        // Spoken in groups of three digits: the first group decides (eight..., eleven..., eighteen...).
        const lead = number.slice(0, ((number.length - 1) % 3) + 1);
        vowel = lead.startsWith('8') || lead === '11' || lead === '18';
    }
    else {
        vowel = /^[aeiou]/i.test(phrase) && !/^u(int|ni|s)/i.test(phrase);
    }
    return `${vowel ? 'an' : 'a'} ${phrase}`;
}
function firstLine(text) {
    const line = text.split('\n')[0].trim();
    return line.length > 80 ? line.slice(0, 77) + '...' : line;
}
/** Every (evaluation, object) pair for the argument at `index`, skipping values the code does not show. */
function* argumentObjects(site, index) {
    for (const evaluation of site.evaluations) {
        const objects = (evaluation.argObjects[index] ?? []).filter((o) => o.kind !== 'opaque');
        if (objects.length)
            yield { objects, evaluation };
    }
}
/** A function argument as a path names it: "func literal", or the expression (`b.release`). */
function nameOfFunction(node) {
    return node.type === 'func_literal' ? 'func literal' : inline(node);
}
/**
 * The package-level variable an address points into (`&g`, `&g.f`, `&g[i]`),
 * when the name is not shadowed: such memory is not on the heap.
 */
function addressedPackageVariable(site, arg) {
    if (arg.type !== 'unary_expression' || arg.child(0)?.type !== '&')
        return undefined;
    let root = arg.childForFieldName('operand');
    while (root?.type === 'selector_expression' || root?.type === 'index_expression' || root?.type === 'parenthesized_expression') {
        root = root.type === 'parenthesized_expression' ? root.namedChild(0) : root.childForFieldName('operand');
    }
    return root?.type === 'identifier' && isPackageVariable(site, root.text) ? root.text : undefined;
}
/** A name that means the package-level variable at the call, not a local that shadows it. */
function isPackageVariable(site, name) {
    const local = site.evaluations[0]?.scope.lookup(name);
    return site.pkg.vars.has(name) && !(local && !local.global);
}

;// CONCATENATED MODULE: ./src/rules/removed-links.ts




const inside = (node, path, regions) => regions.some((r) => r.path === path && node.startIndex >= r.start && node.endIndex <= r.end);
const regionOf = (node, path) => ({ path, start: node.startIndex, end: node.endIndex });
/** The function or method declaration a node lies in. */
function enclosingDeclaration(node) {
    for (let at = node; at; at = at.parent) {
        if (at.type === 'function_declaration' || at.type === 'method_declaration')
            return at;
    }
    return undefined;
}
/** The package whose code holds the call: the one analyzed, or another package of its module that its code calls into. */
const homeOf = (site) => packageOfFile(site.pkg, site.file);
/** The declaration a finalizer or cleanup argument names: `release`, `o.release`, `(*T).release`. */
function namedFunction(site, evaluation, fn) {
    const home = homeOf(site);
    if (fn.type === 'identifier')
        return home.funcs.get(fn.text);
    if (fn.type !== 'selector_expression')
        return undefined;
    const method = site.interpreter.methodOf(fn, evaluation.scope);
    if (method)
        return method;
    const typeName = /(\w+)\s*\)?\s*$/.exec(fn.childForFieldName('operand')?.text ?? '')?.[1];
    const name = fn.childForFieldName('field')?.text;
    return typeName && name ? methodsOf(home, typeName)?.get(name) : undefined;
}
/** Called from outside the package: exported, run by the runtime, or exported to C with //export. */
function callableFromOutside(decl) {
    if (/^\p{Lu}/u.test(decl.name) || decl.name === 'init' || decl.name === 'main')
        return true;
    const before = decl.file.source.slice(Math.max(0, decl.node.startIndex - 200), decl.node.startIndex);
    // A pattern is compiled only where an //export comment may be: most functions have none.
    return before.includes('//export') && new RegExp(`//export\\s+${decl.name}\\b`).test(before);
}
/** Every use of each name in the package's files (calls, method values, selectors). */
function namesUsed(pkg) {
    const uses = new Map();
    for (const file of pkg.files) {
        for (const node of file.tree.rootNode.descendantsOfType(['identifier', 'field_identifier'])) {
            if (!node)
                continue;
            const list = uses.get(node.text) ?? [];
            list.push({ node, path: file.path });
            uses.set(node.text, list);
        }
    }
    return uses;
}
/**
 * The code only the finalizer runs: its func literal or the function it
 * names, and every function of the package used nowhere else.
 */
function finalizerOnlyCode(site, evaluation) {
    let fn = site.args[1];
    while (fn?.type === 'parenthesized_expression')
        fn = fn.namedChild(0);
    if (!fn)
        return [];
    const regions = [];
    if (fn.type === 'func_literal')
        regions.push(regionOf(fn, site.file.path));
    const named = namedFunction(site, evaluation, fn);
    if (named)
        regions.push(regionOf(named.node, named.file.path));
    if (!regions.length)
        return regions;
    const home = homeOf(site);
    home.load(() => true);
    const uses = namesUsed(home);
    const excluded = new Set(named ? [named] : []);
    for (let changed = true; changed;) {
        changed = false;
        for (const decl of home.functions) {
            if (excluded.has(decl) || callableFromOutside(decl))
                continue;
            // Its name inside its own body (a recursive call, another type's method of the same name) is no other use.
            const own = [regionOf(decl.node, decl.file.path)];
            const refs = (uses.get(decl.name) ?? []).filter((u) => !inside(u.node, u.path, own));
            if (!refs.length || !refs.every((u) => inside(u.node, u.path, regions)))
                continue;
            excluded.add(decl);
            regions.push(regionOf(decl.node, decl.file.path));
            changed = true;
        }
    }
    return regions;
}
/**
 * The name whose values hold a place: the package-level variable, or the type
 * that declares the field (a package-level variable of an anonymous struct
 * type names it too). None for a type declared inside a function.
 */
function placeOwner(packages, place) {
    // A package-level variable by its name; the places of other packages' state (`var runtime/cgo handles`, `std sync`) have none.
    if (place.startsWith('var '))
        return /^var ([\p{L}_][\p{L}\p{N}_]*)$/u.exec(place)?.[1];
    const at = /^field (.*):(\d+)$/.exec(place);
    const file = at && packages.flatMap((pkg) => pkg.files).find((f) => f.path === at[1]);
    if (!file)
        return undefined;
    for (let node = file.tree.rootNode.descendantForIndex(Number(at[2])); node; node = node.parent) {
        if (node.type === 'function_declaration' || node.type === 'method_declaration' || node.type === 'func_literal')
            return undefined;
        if (node.type === 'type_spec' || node.type === 'type_alias')
            return node.childForFieldName('name')?.text;
        // `var a, b struct{...}`: either may hold it.
        if (node.type === 'var_spec')
            return node.childrenForFieldName('name').length === 1 ? node.childForFieldName('name')?.text : undefined;
    }
    return undefined;
}
/** Judges the references of one evaluation of a site by the removals in the package. */
function permanenceOf(site, evaluation) {
    let regions;
    const verdicts = new Map();
    return (edge) => {
        if (!edge.place)
            return 'kept';
        let verdict = verdicts.get(edge);
        if (verdict)
            return verdict;
        const edgeFunction = enclosingDeclaration(edge.node);
        // The code that may clear the place: the package analyzed, the call's, and the one that made the reference.
        const packages = new Set([site.pkg, homeOf(site), packageOfFile(site.pkg, edge.file)]);
        const owner = placeOwner([...packages], edge.place);
        const removals = [...packages].flatMap((pkg) => packageRemovals(pkg, owner)).filter((r) => r.place === edge.place &&
            // Earlier in the same function: the interpreter has already seen that it comes first.
            !(r.file.path === edge.file.path && edgeFunction && enclosingDeclaration(r.node)?.id === edgeFunction.id && r.node.endIndex <= edge.node.startIndex));
        if (!removals.length)
            verdict = 'kept';
        else {
            regions ??= finalizerOnlyCode(site, evaluation);
            verdict = removals.every((r) => inside(r.node, r.file.path, regions)) ? 'removed only by the finalizer' : 'removed elsewhere';
        }
        verdicts.set(edge, verdict);
        return verdict;
    };
}
/**
 * A path of references from `start` to `target` that no code of the package
 * takes away, apart from the finalizer or cleanup itself (which cannot run
 * while the path holds), and what the message must say about such links.
 */
function lastingPath(site, evaluation, start, target, follow = () => true) {
    const state = evaluation.run.finalState;
    // Most calls have no path at all: the package's removals are looked for only when one exists.
    if (!findPath(state, start, target, follow))
        return undefined;
    const permanence = permanenceOf(site, evaluation);
    const path = findPath(state, start, target, (edge) => follow(edge) && permanence(edge) !== 'removed elsewhere');
    if (!path)
        return undefined;
    const removedByItself = [...path].reverse().find((edge) => permanence(edge) === 'removed only by the finalizer');
    const hook = hookNoun(site);
    const note = removedByItself ? `; the reference ${removedByItself.via} is removed only by the ${hook} itself, which cannot run while it is there` : '';
    return { path, note };
}

;// CONCATENATED MODULE: ./src/rules/fg001-finalizer-cycle.ts



/**
 * FG001 finalizer-cycle: the code links the finalized object into a reference
 * cycle through at least one other heap object. The collector never runs the
 * finalizer of an object on a cycle, so neither it nor anything it reaches is
 * ever freed. A pointer from the object into itself is not a cycle: the
 * collector ignores pointers back into the object it scans.
 */
const finalizerCycle = {
    id: 'FG001',
    name: 'finalizer-cycle',
    severity: 'error',
    summary: 'The finalized object is part of a reference cycle, so its finalizer never runs.',
    kinds: ['SetFinalizer'],
    check(site) {
        for (const { objects, evaluation } of argumentObjects(site, 0)) {
            for (const object of objects) {
                const found = lastingPath(site, evaluation, object, object);
                if (!found)
                    continue;
                const cycle = found.path;
                return {
                    message: `${describeArgument(site, 0)} has a finalizer but is part of a reference cycle: ` +
                        `${renderPath(object.label, cycle)}; the runtime never finalizes an object on a cycle, so the finalizer never runs and the objects leak${found.note}`,
                    related: relatedAlong(cycle),
                };
            }
        }
        return undefined;
    },
};

;// CONCATENATED MODULE: ./src/rules/fg002-finalizer-type-cycle.ts







/**
 * FG002 finalizer-type-cycle: the code shows no cycle, but the finalized
 * object's type can reach itself through fields that hold references
 * (pointers, slices, maps, channels, arrays and embedded structs of those,
 * type arguments such as atomic.Pointer[T], fields of a package interface
 * through the package's types that implement it), in whichever package of the
 * module each type is declared: a field of another package's interface may
 * hold the types of its own package and of this one that implement it. Any
 * value that closes that loop leaks. weak.Pointer and uintptr hold no
 * reference; func fields and interfaces from outside the module are not
 * followed, since the type does not say what they hold. The type
 * alone is no evidence: every reference-holding field of the loop must be
 * given, somewhere in the package, a value that reaches an object the code
 * did not just make (or the holder itself through another object). A field
 * never written, or only with fresh values or the holder itself, closes no
 * loop.
 */
const finalizerTypeCycle = {
    id: 'FG002',
    name: 'finalizer-type-cycle',
    severity: 'warning',
    summary: "The finalized object's type can reach itself, so a cycle can form and block the finalizer.",
    kinds: ['SetFinalizer'],
    check(site) {
        if (finalizerCycle.check(site))
            return undefined;
        const type = site.evaluations[0]?.argTypes[0];
        if (!type || type.kind !== 'pointer')
            return undefined;
        const start = reachedType(pointee(type), site.pkg);
        if (!start || (start.type.importPath && start.type.importPath !== site.pkg.path))
            return undefined;
        const loop = loopScope(start, site.pkg);
        if (!loop)
            return undefined;
        const links = packageLinks(site.pkg, loop);
        const mayBe = mayBeOfType(site.pkg);
        const closesThroughFinalized = closingStores(site, start.key, mayBe);
        // A loop that other code opens again (a Close, a Remove) still leaks whenever that code is not called: the warning stays.
        const evidence = (field, target) => {
            const stores = links.filter((l) => l.place === fieldPlace(field) &&
                (target.byForeignInterface ? l.types.has(target.key) : mayBe(l.types, target.key)) &&
                (target.key !== start.key || closesThroughFinalized(l)));
            return stores.find((l) => l.links) ?? stores[0];
        };
        const steps = typeLoop(start, site.pkg, evidence);
        if (!steps)
            return undefined;
        return {
            message: `${inline(site.args[0])} (${typeName(type)}) has a finalizer and its type can reach itself: ${[shown(start, site.pkg), ...steps.map((s) => s.via)].join(' -> ')}; ` +
                `the package stores linked values along it, and if a value ever closes that loop, the finalizer never runs`,
            related: steps.flatMap((s) => s.related),
        };
    },
};
/**
 * Whether a store into the loop's last field can put the finalized object
 * there, so that the loop comes back to it: an object that only points into a
 * loop is not on it. A store can when it puts there a value the code did not
 * make (any value of the type, the finalized one too), when the finalizer
 * may be set on such a value, or when the code that made the stored value
 * also gives it this finalizer. A value made only to be cached, while the
 * finalized ones are made elsewhere and never stored, closes no loop through
 * them.
 */
function closingStores(site, start, mayBe) {
    const anyValue = site.evaluations.some((e) => (e.argObjects[0] ?? []).some((o) => o.kind !== 'alloc'));
    return (link) => anyValue ||
        mayBe(link.existingTypes, start) ||
        link.made.some((m) => m.type === start && link.run.sites.some((s) => s.call.id === site.call.id && (s.argObjects[0] ?? []).some((o) => o.id === m.object.id)));
}
function mayBeOfType(pkg) {
    return (types, target) => types.has(target) ||
        types.has('?') ||
        [...types].some((key) => {
            const iface = typeOfKey(key, pkg);
            return !!iface && fg002_finalizer_type_cycle_implementers(iface, pkg).some((t) => t.key === target);
        });
}
function reachedType(type, pkg) {
    const key = type.kind === 'named' && typeDecl(type, pkg) ? moduleTypeKey(type, pkg) : undefined;
    return key && type.kind === 'named' ? { key, type } : undefined;
}
/** A type by its key: `path.Name`, the path of a package of the module (empty outside a module). */
function typeOfKey(key, pkg) {
    const dot = key.lastIndexOf('.');
    if (dot < 0)
        return undefined;
    const path = key.slice(0, dot);
    const type = { kind: 'named', name: key.slice(dot + 1), args: [], ...(path && path !== pkg.path ? { importPath: path } : {}) };
    return reachedType(type, pkg);
}
/** A type as the message names it: bare when the analyzed package declares it. */
function shown(type, pkg) {
    return !type.type.importPath || type.type.importPath === pkg.path ? type.type.name : typeName(type.type);
}
/**
 * What a field of an interface of the module may hold: the types that
 * implement it in its own package and, for another package's interface, in
 * the analyzed one. None for a type that is no interface.
 */
function fg002_finalizer_type_cycle_implementers(iface, pkg) {
    const decl = typeDecl(iface.type, pkg);
    const owner = declaringPackage(iface.type, pkg);
    if (decl?.typeNode.type !== 'interface_type' || !owner)
        return [];
    const named = (name, from) => {
        const reached = reachedType({ kind: 'named', name, args: [], ...(from !== pkg && from.path ? { importPath: from.path } : {}) }, pkg);
        return reached && (owner === pkg ? reached : { ...reached, byForeignInterface: true });
    };
    const found = implementersOf(decl, owner).map((name) => named(name, owner));
    if (owner !== pkg)
        found.push(...implementersOf(decl, pkg).map((name) => named(name, pkg)));
    return found.filter((t) => !!t);
}
/**
 * What shows that a field can link a value of `target`: a store into it, or,
 * for a generic struct held by value (`List[*Job]`), into one of its own
 * fields. Another struct held by value needs none: it is part of its holder,
 * and its own fields are steps of their own. Null when nothing shows it.
 */
function linkAlong(field, value, target, evidence) {
    if (value.kind !== 'struct')
        return evidence(field, target) ?? null;
    if (field.type.kind !== 'named' || !field.type.args.length)
        return undefined;
    for (const inner of value.fields) {
        const link = evidence(inner, target);
        if (link)
            return link;
    }
    return null;
}
/**
 * Where links that close a loop back to the start type may be stored: the
 * package types that its fields lead to and that lead back to it, the names
 * of their fields that do, and, for such a field holding a generic struct by
 * value (`List[*Job]`), that struct's type and fields, which linkAlong asks
 * about. Undefined when the types never lead back: no store can close a loop,
 * and the package's code need not be read.
 */
function loopScope(start, pkg) {
    // The reached types, each with its parts and the types each part leads to.
    const parts = new Map();
    const types = new Map([[start.key, start]]);
    const queue = [start];
    parts.set(start.key, []);
    while (queue.length) {
        const owner = queue.shift();
        const under = underlying(owner.type, pkg);
        const own = under.kind === 'struct' ? under.fields.map((field) => ({ field, targets: referencedTypes(field.type, pkg) })) : [{ targets: referencedTypes(under, pkg) }];
        parts.set(owner.key, own);
        for (const target of own.flatMap((p) => p.targets)) {
            if (parts.has(target.key))
                continue;
            parts.set(target.key, []);
            types.set(target.key, target);
            queue.push(target);
        }
    }
    // The reached types that lead back to the start, found backwards from it.
    const leadingTo = new Map();
    for (const [owner, own] of parts)
        for (const target of own.flatMap((p) => p.targets)) {
            const owners = leadingTo.get(target.key);
            if (owners)
                owners.push(owner);
            else
                leadingTo.set(target.key, [owner]);
        }
    if (!leadingTo.has(start.key))
        return undefined;
    const onLoop = new Set();
    const back = [start.key];
    while (back.length)
        for (const owner of leadingTo.get(back.pop()) ?? []) {
            if (onLoop.has(owner))
                continue;
            onLoop.add(owner);
            back.push(owner);
        }
    // The names the package's code writes for them: a type of another package by its own name too.
    const typeNames = new Set([...onLoop].map((key) => types.get(key).type.name));
    const structNames = new Set([...onLoop].map((key) => types.get(key).type).filter((type) => underlying(type, pkg).kind === 'struct').map((type) => type.name));
    const fieldNames = new Set();
    /** Fields that may also be stored through a method of their value (`q.jobs.Push(j)`, `p.next.Store(n)`). */
    const storedThroughValue = new Set();
    for (const owner of onLoop)
        for (const { field, targets } of parts.get(owner)) {
            if (!field || !targets.some((t) => onLoop.has(t.key)))
                continue;
            fieldNames.add(field.name);
            const value = underlying(field.type, pkg);
            if (!referenceKinds.has(value.kind))
                storedThroughValue.add(field.name);
            if (value.kind !== 'struct' || field.type.kind !== 'named' || !typeDecl(field.type, pkg))
                continue;
            typeNames.add(field.type.name);
            structNames.add(field.type.name);
            for (const inner of value.fields) {
                fieldNames.add(inner.name);
                storedThroughValue.add(inner.name);
            }
        }
    return {
        typeNames: [...typeNames],
        fieldNames: [...fieldNames],
        selectedOnly: [...fieldNames].filter((name) => !storedThroughValue.has(name)),
        structNames: [...structNames],
    };
}
/** Fields of these kinds are stored only by selecting them (`x.next = n`, `x.list[i] = n`, `&x.next`) or by a composite literal. */
const referenceKinds = new Set(['pointer', 'slice', 'map', 'chan', 'interface']);
/**
 * A path of fields from the named type back to itself that the package's
 * stores can close: each reference on it is given values somewhere, and at
 * least one store links values that already exist. Go has no recursive value
 * types, so any such path passes through at least one reference. The search
 * keeps its own stack: a chain of types may be as long as the package.
 */
function typeLoop(start, pkg, evidence) {
    // A type is searched again when reached with a link after being reached without one.
    const seen = new Set();
    const open = (owner, linked) => {
        const decl = typeDecl(owner.type, pkg);
        if (!decl)
            return undefined;
        const under = underlying(owner.type, pkg);
        const name = shown(owner, pkg);
        // A struct's fields, or the whole of a named slice, map or pointer type (`type Children []*Node`).
        const parts = under.kind === 'struct'
            ? under.fields.map((f) => ({ type: f.type, node: f.node, name: `${name}.${f.name}`, field: f }))
            : [{ type: under, node: decl.spec, name }];
        return { owner, decl, parts, nextPart: 0, targets: [], nextTarget: 0, linked };
    };
    const first = open(start, false);
    const frames = first ? [first] : [];
    /** The steps from the start to the innermost frame. */
    const path = [];
    while (frames.length) {
        const frame = frames.at(-1);
        if (frame.nextTarget >= frame.targets.length) {
            if (frame.nextPart >= frame.parts.length) {
                frames.pop();
                path.pop();
                continue;
            }
            frame.part = frame.parts[frame.nextPart++];
            frame.targets = referencedTypes(frame.part.type, pkg);
            frame.nextTarget = 0;
            continue;
        }
        const target = frame.targets[frame.nextTarget++];
        const part = frame.part;
        const link = part.field && linkAlong(part.field, underlying(part.type, pkg), target, evidence);
        if (link === null)
            continue;
        const related = [{ node: part.node, file: frame.decl.file, message: `${part.field ? 'field' : 'type'} ${part.name} ${typeName(part.type)}` }];
        if (link)
            related.push({ node: link.node, file: link.file, message: `${part.name}: ${firstLine(link.node.text)}` });
        const step = { via: `${part.name} (${typeName(part.type)})`, related, links: !!link?.links };
        const linked = frame.linked || step.links;
        if (target.key === start.key) {
            if (linked)
                return [...path, step];
            continue;
        }
        const key = `${target.key}/${linked}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const inner = open(target, linked);
        if (inner) {
            frames.push(inner);
            path.push(step);
        }
    }
    return undefined;
}
/** The module's named types that a field's type holds or points to. */
function referencedTypes(type, pkg, depth = 0) {
    if (depth > 6)
        return [];
    switch (type.kind) {
        case 'named': {
            const args = type.args.flatMap((a) => referencedTypes(a, pkg, depth + 1));
            // weak.Pointer holds no reference: that is its purpose.
            if (type.importPath === 'weak')
                return [];
            const decl = typeDecl(type, pkg);
            // A type from outside the module: what it holds is not known, only its type arguments (atomic.Pointer[T]).
            if (!decl)
                return type.importPath ? args : [];
            if (decl.isAlias)
                return referencedTypes(underlying(type, pkg), pkg, depth + 1);
            const reached = reachedType(type, pkg);
            if (!reached)
                return args;
            // A field of an interface of the module may hold any of the types that implement it.
            if (decl.typeNode.type === 'interface_type')
                return [...fg002_finalizer_type_cycle_implementers(reached, pkg), ...args];
            return [reached, ...args];
        }
        case 'pointer':
        case 'slice':
        case 'chan':
        case 'array':
            return referencedTypes(type.elem, pkg, depth + 1);
        case 'map':
            return [...referencedTypes(type.key, pkg, depth + 1), ...referencedTypes(type.value, pkg, depth + 1)];
        case 'struct':
            return type.fields.flatMap((f) => referencedTypes(f.type, pkg, depth + 1));
        default:
            return [];
    }
}

;// CONCATENATED MODULE: ./src/fix/edit.ts
const replaceNode = (file, node, text) => ({ file, start: node.startIndex, end: node.endIndex, text });
const insertAt = (file, index, text) => ({ file, start: index, end: index, text });
const insertBefore = (file, node, text) => insertAt(file, node.startIndex, text);
/** The place of a string index: UTF-8 byte offset, 1-based line and column (columns count as the spans of findings do). */
function placeOf(source, index) {
    const before = source.slice(0, index);
    const lineStart = before.lastIndexOf('\n') + 1;
    let line = 1;
    for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1))
        line++;
    return { offset: Buffer.byteLength(before), line, column: index - lineStart + 1 };
}
/** The fix as findings carry it, with paths as `pathOf` writes them. */
function toFix(fix, pathOf) {
    return {
        description: fix.description,
        edits: fix.edits.map((edit) => {
            const start = placeOf(edit.file.source, edit.start);
            const end = placeOf(edit.file.source, edit.end);
            return {
                path: pathOf(edit.file.path),
                start: start.offset,
                end: end.offset,
                startLine: start.line,
                startColumn: start.column,
                endLine: end.line,
                endColumn: end.column,
                text: edit.text,
            };
        }),
    };
}

;// CONCATENATED MODULE: ./src/fix/source.ts
const source_functionTypes = ['function_declaration', 'method_declaration'];
/** The top-level function or method a node is in (closures included in it). */
function source_enclosingFunction(node) {
    for (let at = node; at; at = at.parent)
        if (source_functionTypes.includes(at.type))
            return at;
    return undefined;
}
/** Every identifier spelled `name` in the function: declarations, uses, and whatever else (a key of a composite literal). */
function identifiersNamed(fn, name) {
    return fn.descendantsOfType('identifier').filter((n) => !!n && n.text === name);
}
/** `x` as the operand of `x.f` or `x.m(...)`. */
function isSelected(identifier) {
    const parent = identifier.parent;
    return parent?.type === 'selector_expression' && parent.childForFieldName('operand')?.id === identifier.id;
}
/** `&x`: the unary expression whose operand the identifier is. */
function addressOf(identifier) {
    const parent = identifier.parent;
    return parent?.type === 'unary_expression' && parent.child(0)?.type === '&' && parent.childForFieldName('operand')?.id === identifier.id ? parent : undefined;
}
/**
 * Whether the edits change the length of a line whose end-of-line comment
 * gofmt aligns with a comment on the line above or below: the comments would
 * then need realigning, which a fix does not do, so none is offered.
 */
function shiftsAlignedComments(file, edits) {
    const trailing = new Set();
    for (const comment of file.tree.rootNode.descendantsOfType('comment')) {
        if (!comment)
            continue;
        const lineStart = file.source.lastIndexOf('\n', comment.startIndex - 1) + 1;
        if (file.source.slice(lineStart, comment.startIndex).trim())
            trailing.add(comment.startPosition.row);
    }
    return edits.some((edit) => {
        const row = file.source.slice(0, edit.start).split('\n').length - 1;
        return edit.end - edit.start !== edit.text.length && trailing.has(row) && (trailing.has(row - 1) || trailing.has(row + 1));
    });
}

;// CONCATENATED MODULE: ./src/fix/offer.ts

/** The fix, unless gofmt would then realign the comments of the edited lines. */
function offered(file, description, edits) {
    return shiftsAlignedComments(file, edits) ? undefined : { description, edits };
}

;// CONCATENATED MODULE: ./src/fix/parameter.ts





const declaringParents = ['var_spec', 'parameter_declaration', 'variadic_parameter_declaration', 'const_spec'];
/** Whether this identifier declares its name, or assigns to it (`x =`, `x++`, `x, y :=` of a name already declared). */
function declaresOrAssigns(identifier) {
    const parent = identifier.parent;
    if (!parent)
        return false;
    if (declaringParents.includes(parent.type) || parent.type === 'inc_statement' || parent.type === 'dec_statement')
        return true;
    const list = parent.type === 'expression_list' ? parent : undefined;
    const statement = list ? list.parent : parent;
    return (!!statement &&
        ['assignment_statement', 'short_var_declaration', 'range_clause'].includes(statement.type) &&
        statement.childForFieldName('left')?.id === (list ?? identifier).id);
}
/** Whether the function declares `name` once and never assigns it or takes its address: it holds one value throughout. */
function holdsOneValue(fn, name) {
    const uses = identifiersNamed(fn, name);
    return !uses.some(addressOf) && uses.filter(declaresOrAssigns).length === 1;
}
/** The one parameter of a func literal, with its name node when it has one. */
function soleParameter(literal) {
    const params = (literal.childForFieldName('parameters')?.namedChildren ?? []).filter((n) => !!n && n.type !== 'comment');
    if (params.length !== 1 || params[0].type !== 'parameter_declaration')
        return undefined;
    const names = fieldChildren(params[0], 'name');
    return names.length > 1 ? undefined : { declaration: params[0], name: names[0] };
}
/** `x` as a key of a composite literal (`T{x: 1}`), which renaming must not touch. */
function isLiteralKey(identifier) {
    const element = identifier.parent?.type === 'literal_element' ? identifier.parent : undefined;
    const keyed = element?.parent;
    return keyed?.type === 'keyed_element' && keyed.namedChild(0)?.id === element.id;
}
/**
 * `runtime.SetFinalizer(f, func(p *File) { f.close() })`: the finalizer
 * captures f although its parameter is the same object; it uses the
 * parameter instead (`p.close()`, or `func(f *File)` for an unnamed one).
 * Offered when the capture is the whole path, f holds one value throughout
 * its function (so the parameter is the object it names), and whatever else
 * the literal names from around it is of a basic type, which reaches nothing.
 */
function useFinalizerParameter(site, path) {
    const [object, finalizer] = site.args;
    const scope = site.evaluations[0]?.scope;
    const variable = object?.type === 'identifier' ? scope?.lookup(object.text) : undefined;
    const fn = source_enclosingFunction(site.call);
    const body = finalizer?.type === 'func_literal' ? finalizer.childForFieldName('body') : undefined;
    if (!object || !variable || variable.global || !fn || !body || path.length !== 1 || path[0].via !== `captures ${object.text}`)
        return undefined;
    const param = soleParameter(finalizer);
    const typeNode = param?.declaration.childForFieldName('type');
    if (!param || !typeNode || !sameType(typeWritten(typeNode, site.file), variable.type) || !holdsOneValue(fn, object.text))
        return undefined;
    const named = param.name && param.name.text !== '_' ? param.name.text : undefined;
    for (const id of body.descendantsOfType('identifier')) {
        if (!id || id.text === object.text || id.text === named)
            continue;
        const outer = scope.lookup(id.text);
        if (outer && !outer.global && underlying(outer.type, site.pkg).kind !== 'basic')
            return undefined;
    }
    const description = `use the finalizer's parameter, the same object, instead of capturing ${object.text}`;
    if (!named) {
        // Naming the parameter after the variable makes every use of it in the literal mean the parameter.
        const edit = param.name ? replaceNode(site.file, param.name, object.text) : insertBefore(site.file, typeNode, `${object.text} `);
        return offered(site.file, description, [edit]);
    }
    const uses = identifiersNamed(body, object.text);
    if (uses.some(isLiteralKey) || identifiersNamed(body, named).some(declaresOrAssigns))
        return undefined;
    return offered(site.file, description, uses.map((use) => replaceNode(site.file, use, named)));
}
const goKeywords = new Set('break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var'.split(' '));
/**
 * `runtime.AddCleanup(f, func(p *File) { closeFD(p.fd) }, f)`: the argument
 * is the object itself. The cleanup uses one field of it, so it is passed
 * that field instead: `runtime.AddCleanup(f, func(fd int) { closeFD(fd) }, f.fd)`.
 * Offered when every use of the parameter reads that one field, the field is
 * of a predeclared basic type (its value reaches nothing), and no code of
 * the package assigns the field or takes its address (the value taken at
 * the call stays the value the cleanup would have read).
 */
function passUsedField(site) {
    const [object, cleanup, arg] = site.args;
    const variable = object?.type === 'identifier' ? site.evaluations[0]?.scope.lookup(object.text) : undefined;
    const body = cleanup?.type === 'func_literal' ? cleanup.childForFieldName('body') : undefined;
    if (!variable || variable.global || arg?.type !== 'identifier' || arg.text !== object.text || !body || variable.type.kind !== 'pointer')
        return undefined;
    const struct = underlying(variable.type.elem, site.pkg);
    const param = soleParameter(cleanup);
    const typeNode = param?.declaration.childForFieldName('type');
    if (struct.kind !== 'struct' || !param?.name || !typeNode || !sameType(typeWritten(typeNode, site.file), variable.type))
        return undefined;
    const uses = identifiersNamed(body, param.name.text);
    const fieldName = uses[0]?.parent?.childForFieldName('field')?.text;
    const field = struct.fields.find((f) => f.name === fieldName && !f.embedded);
    if (!field || field.type.kind !== 'basic' || field.type.name.includes('.'))
        return undefined;
    if (!uses.every((use) => isSelected(use) && use.parent.childForFieldName('field')?.text === fieldName && !changesField(use.parent)))
        return undefined;
    const name = fieldName.charAt(0).toLowerCase() + fieldName.slice(1);
    if (goKeywords.has(name) || identifiersNamed(body, name).length || fieldChanged(site, fieldName))
        return undefined;
    const edits = [
        replaceNode(site.file, param.declaration, `${name} ${field.type.name}`),
        ...uses.map((use) => replaceNode(site.file, use.parent, name)),
        replaceNode(site.file, arg, `${arg.text}.${fieldName}`),
    ];
    return offered(site.file, `pass ${arg.text}.${fieldName}, the one field the cleanup uses, not ${arg.text} itself`, edits);
}
/** `x.f = ...`, `x.f++`, `&x.f`: the selector changes the field or lets other code change it. */
function changesField(selector) {
    const parent = selector.parent;
    if (!parent)
        return false;
    if (parent.type === 'unary_expression' && parent.child(0)?.type === '&')
        return true;
    if (parent.type === 'inc_statement' || parent.type === 'dec_statement')
        return true;
    const list = parent.type === 'expression_list' ? parent : undefined;
    const statement = list ? list.parent : parent;
    return statement?.type === 'assignment_statement' && statement.childForFieldName('left')?.id === (list ?? selector).id;
}
/** Whether any file of the package changes a field of this name, on whatever value. */
function fieldChanged(site, fieldName) {
    const mention = new RegExp(`\\.\\s*${fieldName}\\b`);
    site.pkg.load((file) => mention.test(file.text));
    return site.pkg.files.some((file) => file.tree.rootNode.descendantsOfType('selector_expression').some((s) => !!s && s.childForFieldName('field')?.text === fieldName && changesField(s)));
}

;// CONCATENATED MODULE: ./src/rules/fg003-finalizer-references-object.ts




/**
 * FG003 finalizer-references-object: the finalizer function itself keeps the
 * object reachable: a closure that captures it (or captures something that
 * holds it), a method value bound to it (`x.close`), or a method value of
 * another object that reaches it. The runtime keeps the finalizer alive, so
 * the object never becomes unreachable and the finalizer never runs.
 */
const finalizerReferencesObject = {
    id: 'FG003',
    name: 'finalizer-references-object',
    severity: 'error',
    summary: 'The finalizer function keeps the finalized object reachable, so it never runs.',
    kinds: ['SetFinalizer'],
    check(site) {
        for (const { objects, evaluation } of argumentObjects(site, 0)) {
            const finalizers = (evaluation.argObjects[1] ?? []).filter((o) => o.kind === 'closure');
            for (const finalizer of finalizers) {
                for (const object of objects) {
                    const found = lastingPath(site, evaluation, finalizer, object);
                    if (!found)
                        continue;
                    const path = found.path;
                    return {
                        message: `the finalizer of ${describeArgument(site, 0)} keeps it reachable: ${renderPath(`finalizer ${nameOfFunction(site.args[1])}`, path)}; ` +
                            `an object reachable from its own finalizer is never collected, so the finalizer never runs${found.note}`,
                        related: relatedAlong(path),
                        fix: useFinalizerParameter(site, path),
                    };
                }
            }
        }
        return undefined;
    },
};

;// CONCATENATED MODULE: ./src/analysis/goroutines.ts
// Goroutines that run until told to stop: `go w.loop()` where loop is
// `for { select { case <-w.stop: return; ... } } }`. While such a goroutine
// runs, its stack holds w, so w is never unreachable; if only w's finalizer
// (or a Close it calls) tells it to stop, that finalizer never runs. This
// module reads the goroutine's body; which code sends the signal is the
// rule's question.





/**
 * The loop a goroutine's body ends in, when it runs until one of the signals
 * of `name` or of the other variables it holds (`others`) arrives (or
 * forever) and uses `name` on every iteration, so
 * the object stays live on the goroutine's stack (a body that copied the
 * field it waits on and no longer uses the object lets it be collected).
 * Undefined for a body that may end by itself: no loop, a return before it,
 * a loop bounded by its own condition or input, a way out that is not one
 * of the object's signals.
 */
function endlessLoop(body, name, kindOf, others = []) {
    for (const statement of statementsOf(body)) {
        const labeled = statement.type === 'labeled_statement';
        const loop = labeled ? statement.namedChildren.find((c) => c?.type === 'for_statement') : statement;
        if (loop?.type !== 'for_statement') {
            if (outsideLiterals(statement).some((n) => n.type === 'return_statement' || n.type === 'goto_statement'))
                return undefined;
            continue;
        }
        const label = labeled ? statement.namedChildren.find((c) => c?.type === 'label_name')?.text : undefined;
        return loopUntilStopped(loop, label, name, kindOf, others);
    }
    return undefined;
}
function loopUntilStopped(loop, label, name, kindOf, others) {
    const body = loop.childForFieldName('body');
    if (!body)
        return undefined;
    const stops = [];
    const clause = loop.namedChildren.find((c) => c && c.id !== body.id);
    if (clause?.type === 'range_clause') {
        // `for range w.events` ends when the channel is closed; a slice or map ends by itself.
        const right = clause.childForFieldName('right');
        const signal = signalOf(right, name, others);
        // A ticker's or timer's channel is never closed: Stop only ends the ticks.
        const ticks = right?.type === 'selector_expression' && right.childForFieldName('field')?.text === 'C' && kindOf(right.childForFieldName('operand')) === 'timer';
        if (!ticks && !isSignal(signal, kindOf))
            return undefined;
        if (signal && !ticks)
            stops.push(signal);
    }
    else if (clause && clause.text !== 'true') {
        return undefined;
    }
    const inside = outsideLiterals(body);
    if (!inside.some((n) => n.type === 'identifier' && n.text === name))
        return undefined;
    for (const exit of inside) {
        if (exit.type === 'goto_statement')
            return undefined;
        if (exit.type !== 'return_statement' && !(exit.type === 'break_statement' && breaksOut(exit, loop, label)))
            continue;
        const signal = guardOf(exit, loop, name, others);
        if (!signal || !isSignal(signal, kindOf))
            return undefined;
        if (!stops.some((s) => s.node.text === signal.node.text))
            stops.push(signal);
    }
    return { loop, stops };
}
/** The statements of a block, in order. */
function statementsOf(block) {
    return block.namedChildren.flatMap((c) => (c?.type === 'statement_list' ? c.namedChildren : [c])).filter((c) => !!c);
}
/** The nodes under `root` that are not inside a func literal (code of other functions). */
function outsideLiterals(root) {
    const out = [];
    const stack = [root];
    while (stack.length) {
        const node = stack.pop();
        out.push(node);
        for (const child of node.namedChildren)
            if (child && child.type !== 'func_literal')
                stack.push(child);
    }
    return out;
}
/** Whether a break leaves `loop`: its label names the loop, or no for, switch or select lies between. */
function breaksOut(exit, loop, label) {
    const target = exit.namedChildren.find((c) => c?.type === 'label_name')?.text;
    if (target)
        return target === label;
    for (let node = exit.parent; node && node.id !== loop.id; node = node.parent) {
        if (/^(for_statement|expression_switch_statement|type_switch_statement|select_statement)$/.test(node.type))
            return false;
    }
    return true;
}
/** The signal whose select case a way out of the loop lies in, if it lies in one. */
function guardOf(exit, loop, name, others) {
    for (let node = exit.parent; node && node.id !== loop.id; node = node.parent) {
        if (node.type !== 'communication_case')
            continue;
        const communication = node.childForFieldName('communication');
        const received = communication?.type === 'receive_statement' ? communication.childForFieldName('right') : communication?.namedChild(0);
        if (received?.type !== 'unary_expression' || received.child(0)?.type !== '<-')
            return undefined;
        return signalOf(received.childForFieldName('operand'), name, others);
    }
    return undefined;
}
/**
 * `name.field` or `name.ctx.Done()`, a signal the object carries (or an object
 * it holds), or the same of one of the `others` the goroutine holds; or `stop`
 * or `ctx.Done()`, one of another variable.
 */
function signalOf(node, name, others) {
    if (!node)
        return undefined;
    const field = heldFieldPath(node, [name, ...others]);
    if (field)
        return { node, field: { name: field.path.at(-1), ...field, kind: 'channel' } };
    if (node.type === 'identifier' && node.text !== name)
        return { node, local: { name: node.text, kind: 'channel' } };
    const done = node.type === 'call_expression' && !argumentsOf(node).length ? node.childForFieldName('function') : undefined;
    const context = done?.type === 'selector_expression' && done.childForFieldName('field')?.text === 'Done' ? done.childForFieldName('operand') : undefined;
    const contextField = heldFieldPath(context ?? null, [name, ...others]);
    if (contextField)
        return { node, field: { name: contextField.path.at(-1), ...contextField, kind: 'context' } };
    return context?.type === 'identifier' && context.text !== name ? { node, local: { name: context.text, kind: 'context' } } : undefined;
}
/** The fields a selector takes from the first of `holders` it starts from, and that variable. */
function heldFieldPath(node, holders) {
    for (const holder of holders) {
        const path = fieldPath(node, holder);
        if (path)
            return { path, holder };
    }
    return undefined;
}
/** A signal the loop can be told to stop by: a channel or context field of the object, or a variable whose declaration the stoppers check. */
function isSignal(signal, kindOf) {
    if (!signal)
        return false;
    if (signal.field?.kind === 'context')
        return kindOf(signal.node.childForFieldName('function')?.childForFieldName('operand') ?? null) === 'context';
    return !!signal.local || kindOf(signal.node) === 'channel';
}
/** How many fields deep a signal is looked for from the held object (`o.res.stop` is two). */
const maxFieldPath = 4;
/** `name.field` or `name.res.field`: the fields selected from `name`, outermost first. */
function fieldPath(node, name) {
    const path = [];
    for (let current = node; path.length < maxFieldPath && current?.type === 'selector_expression';) {
        const field = current.childForFieldName('field')?.text;
        if (!field)
            return undefined;
        path.unshift(field);
        current = current.childForFieldName('operand');
        if (current?.type === 'identifier')
            return current.text === name ? path : undefined;
    }
    return undefined;
}
/** How many calls deep the finalizer's code is followed to find what it stops. */
const maxFinalizerDepth = 4;
/**
 * A goroutine the entry point starts that holds `object` on its stack, or an
 * object from which `reach` finds a lasting path to it, and runs until a
 * signal that only the finalizer's code sends (or forever). The signal may
 * also be a field of another object the goroutine holds (`go j.run(c)`
 * waiting on `<-j.stop`), one that `object` reaches: the finalizer that
 * sends it is then this object's, not that of some object the goroutine
 * does not hold.
 */
function goroutineRoot(evaluation, object, pkg, reach) {
    for (const start of evaluation.run.goroutines) {
        // The other variables of the goroutine whose fields may carry its stop signal: each one object the code made.
        const others = new Map(start.held.flatMap((h) => (h.objects.length === 1 && h.objects[0].kind === 'alloc' ? [[h.name, h.objects[0]]] : [])));
        for (const held of start.held) {
            const direct = held.objects.some((o) => o.id === object.id);
            // A closure holds what it captures, a method value its receiver (`run(c.deleteExpired)`).
            for (const holder of direct ? [object] : held.objects.filter((o) => o.kind === 'alloc' || o.kind === 'closure')) {
                const signalHolders = new Map([...others].filter(([name]) => name !== held.name));
                const kindOf = (node) => {
                    const field = heldFieldPath(node, [held.name, ...signalHolders.keys()]);
                    const type = field && fieldType((field.holder === held.name ? holder : signalHolders.get(field.holder)).type, field.path, pkg);
                    if (type)
                        return underlying(type, pkg).kind === 'chan' ? 'channel' : isTimerType(type) ? 'timer' : isContextType(type) ? 'context' : undefined;
                    // A ticker the goroutine was handed or captured (`t := time.NewTicker(d)`), not a field.
                    const local = node?.type === 'identifier' && node.text !== held.name ? start.held.find((h) => h.name === node.text) : undefined;
                    return local?.objects.every((o) => o.kind !== 'opaque' && isTimerType(o.type)) ? 'timer' : undefined;
                };
                const loop = endlessLoop(start.body, held.name, kindOf, [...signalHolders.keys()]);
                const path = loop && (direct ? [] : reach(holder));
                // By any reference, even one made only on some paths: where none is made, no code can stop the goroutine.
                const signalled = path && loop.stops.every((s) => !s.field || s.field.holder === held.name || !!findPath(evaluation.run.finalState, object, signalHolders.get(s.field.holder)));
                const reading = { loop: loop?.loop ?? start.body, name: held.name, others: [...signalHolders.keys()], kindOf, relays: [] };
                const stoppers = signalled && stoppersOf(loop.stops, evaluation, pkg, start, reading);
                if (stoppers)
                    return { start, name: held.name, path: path, loop: loop, stoppers, relays: reading.relays };
            }
        }
    }
    return undefined;
}
/** The type of the field a path of fields selects from a value of `type`, through pointers; undefined when one is not a struct field. */
function fieldType(type, path, pkg) {
    let current = type;
    for (const name of path) {
        const base = current && underlying(current.kind === 'pointer' ? current.elem : current, pkg);
        current = base?.kind === 'struct' ? base.fields.find((f) => f.name === name)?.type : undefined;
    }
    return current;
}
/**
 * The statements that close or send on the stop channels (or cancel the
 * contexts), when every one of them is in the finalizer's code and the
 * channels go nowhere else (a channel handed to other code may be closed
 * there); otherwise undefined. A stop may also be relayed: made by a
 * function that only the goroutine itself calls, on receiving another of
 * its signals (`case <-j.ctx.Done(): j.stop()`), whose own stoppers then
 * stop it. `relayed` counts how many relays led here.
 */
function stoppersOf(stops, evaluation, pkg, start, reading, relayed = 0) {
    if (!stops.length)
        return [];
    const finalizer = finalizerCode(evaluation, pkg);
    const inFinalizer = (node, file) => finalizer.some((code) => code.file === file && code.node.startIndex <= node.startIndex && node.endIndex <= code.node.endIndex);
    const fieldsOf = (kind) => stops.flatMap((s) => (s.field?.kind === kind ? [s.field.name] : []));
    const channels = fieldsOf('channel');
    const contexts = fieldsOf('context');
    const relay = (decl) => {
        if (relayed >= maxRelays)
            return undefined;
        const signals = relayingSignals(decl, pkg, start, reading);
        const stoppers = signals && stoppersOf(signals, evaluation, pkg, start, reading, relayed + 1);
        if (stoppers)
            reading.relays.push(...signals);
        return stoppers;
    };
    // What the run stored in a context field of the objects the goroutine holds (`j.ctx`, given through constructors' parameters).
    const stored = (field) => stops.flatMap((s) => {
        if (s.field?.kind !== 'context' || s.field.name !== field)
            return [];
        let objects = start.held.find((h) => h.name === s.field.holder)?.objects ?? [];
        for (const name of s.field.path)
            objects = objects.flatMap((o) => evaluation.run.finalState.slot(o, name).map((e) => e.to));
        return objects;
    });
    const stoppers = channels.length ? fieldStoppers(channels, pkg, inFinalizer, channelUse, relay) : [];
    const cancels = stoppers && contexts.length ? contextFieldStoppers(contexts, pkg, inFinalizer, stored) : [];
    if (!stoppers || !cancels)
        return undefined;
    stoppers.push(...cancels);
    for (const { local } of stops) {
        if (!local)
            continue;
        const more = start.held.some((h) => h.name === local.name) ? localStoppers(local, start, pkg, inFinalizer) : undefined;
        if (!more)
            return undefined;
        stoppers.push(...more);
    }
    return stoppers;
}
/** How many times a stop may be relayed from one signal of the goroutine to another. */
const maxRelays = 1;
/**
 * The signals on whose receipt the goroutine calls `decl`, when those calls,
 * in select cases of its own loop, are the only uses of the function's name
 * in the package (a use as a value may call it anywhere); otherwise undefined.
 */
function relayingSignals(decl, pkg, start, reading) {
    const inLoop = (node) => node.startIndex >= reading.loop.startIndex && node.endIndex <= reading.loop.endIndex;
    const signals = [];
    for (const other of functionsMentioning([decl.name], pkg)) {
        for (const use of other.body.descendantsOfType(['identifier', 'field_identifier'])) {
            if (use?.text !== decl.name || use.parent?.type === 'method_declaration' || use.parent?.type === 'function_declaration')
                continue;
            const callee = use.parent?.type === 'selector_expression' && use.parent.childForFieldName('field')?.id === use.id ? use.parent : use;
            const call = callee.parent;
            if (call?.type !== 'call_expression' || call.childForFieldName('function')?.id !== callee.id)
                return undefined;
            if (other.file !== start.bodyFile || !inLoop(call))
                return undefined;
            const signal = guardOf(call, reading.loop, reading.name, reading.others);
            if (!signal || !isSignal(signal, reading.kindOf))
                return undefined;
            if (!signals.some((s) => s.node.text === signal.node.text))
                signals.push(signal);
        }
    }
    return signals.length ? signals : undefined;
}
/** The stoppers among the package's uses of the named fields, by what `useOf` makes of each; undefined when a use may stop it elsewhere. */
function fieldStoppers(names, pkg, inFinalizer, useOf, relay) {
    const stoppers = [];
    for (const decl of functionsMentioning(names, pkg)) {
        if (!decl.body)
            continue;
        // `&T{stop: ch}` puts a channel some other name holds in the field.
        const aliased = useOf === channelUse && decl.body.descendantsOfType('keyed_element').some((element) => {
            const key = element?.childForFieldName('key')?.text ?? '';
            return names.includes(key) && !isMake(element?.childForFieldName('value')?.namedChild(0) ?? null);
        });
        if (aliased)
            return undefined;
        for (const selector of decl.body.descendantsOfType('selector_expression')) {
            if (!selector || !names.includes(selector.childForFieldName('field')?.text ?? ''))
                continue;
            const use = useOf(selector);
            if (use === 'other')
                return undefined;
            if (use !== 'stops')
                continue;
            if (inFinalizer(selector, decl.file)) {
                stoppers.push({ node: stopperOf(selector), file: decl.file });
                continue;
            }
            const relayed = relay?.(decl);
            if (!relayed)
                return undefined;
            stoppers.push(...relayed);
        }
    }
    return stoppers;
}
/** The package's functions whose bodies mention one of the names, once the files that mention them are read. */
function functionsMentioning(names, pkg) {
    const mentions = new RegExp(`\\b(${names.join('|')})\\b`, 'u');
    pkg.load((file) => mentions.test(file.text));
    return pkg.functions.filter((decl) => decl.body && mentions.test(decl.body.text));
}
/**
 * The stoppers of contexts the object keeps in fields (`<-w.ctx.Done()`):
 * every value the package gives such a field must be a context only its
 * cancel func cancels (`w.ctx, w.cancel = context.WithCancel(context.Background())`,
 * or a local declared so), and that func be called only in the finalizer's
 * code, through the local or the fields it is stored in.
 */
function contextFieldStoppers(names, pkg, inFinalizer, given) {
    const stoppers = [];
    const cancelFields = [];
    for (const decl of functionsMentioning(names, pkg)) {
        const writes = [];
        for (const element of decl.body.descendantsOfType('keyed_element')) {
            if (element && names.includes(element.childForFieldName('key')?.text ?? ''))
                writes.push({ value: element.childForFieldName('value')?.namedChild(0) ?? null, at: element });
        }
        for (const selector of decl.body.descendantsOfType('selector_expression')) {
            if (!selector || !names.includes(selector.childForFieldName('field')?.text ?? ''))
                continue;
            const parent = selector.parent;
            if (parent?.type === 'unary_expression' && parent.child(0)?.type === '&')
                return undefined;
            // Reading the context cannot cancel it; only what is stored matters.
            const assignment = parent?.type === 'expression_list' ? parent.parent : undefined;
            if (assignment?.type !== 'assignment_statement' || assignment.childForFieldName('left')?.id !== parent.id)
                continue;
            const left = parent.namedChildren;
            const right = assignment.childForFieldName('right')?.namedChildren ?? [];
            const index = left.findIndex((c) => c?.id === selector.id);
            if (right.length === left.length)
                writes.push({ value: right[index] ?? null, at: selector });
            else if (right.length === 1 && left.length === 2 && index === 0)
                writes.push({ value: right[0] ?? null, cancel: left[1] ?? undefined, at: selector });
            else
                return undefined;
        }
        for (const { value, cancel, at } of writes) {
            if (cancel) {
                // `w.ctx, w.cancel = context.WithCancel(context.Background())`
                if (!isUncancelledContext(value, decl.file))
                    return undefined;
                const field = cancel.type === 'selector_expression' ? cancel.childForFieldName('field')?.text : undefined;
                if (field)
                    cancelFields.push(field);
                else if (cancel.text !== '_')
                    return undefined;
                continue;
            }
            const declared = value?.type === 'identifier' ? declarationOf(at, value.text) : undefined;
            const field = at.type === 'keyed_element' ? at.childForFieldName('key')?.text : at.childForFieldName('field')?.text;
            // A parameter: the contexts this run gave the field, each made where it can be read.
            const passed = !declared && value?.type === 'identifier' && decl.params.some((p) => p.name === value.text) && field ? given(field) : undefined;
            const more = declared ? cancelStoppers(declared, decl.file, pkg, inFinalizer) : passed?.length ? madeContextStoppers(passed, pkg, inFinalizer) : undefined;
            if (!more)
                return undefined;
            stoppers.push(...more);
        }
    }
    const stored = cancelFields.length ? fieldStoppers(cancelFields, pkg, inFinalizer, cancelFieldUse) : [];
    return stored && [...stoppers, ...stored];
}
/**
 * The stoppers of contexts the run made, each by a declaration such as
 * `ctx, cancel := context.WithCancel(context.Background())`: the calls of
 * their cancel funcs; undefined when one is not so made.
 */
function madeContextStoppers(contexts, pkg, inFinalizer) {
    const stoppers = [];
    for (const context of contexts) {
        const statement = context.kind === 'alloc' ? context.node.parent?.parent : undefined;
        const block = statement?.parent?.type === 'statement_list' ? statement.parent.parent : statement?.parent;
        if (statement?.type !== 'short_var_declaration' || !block || statement.childForFieldName('right')?.namedChildren.length !== 1)
            return undefined;
        const names = (statement.childForFieldName('left')?.namedChildren ?? []).map((n) => n?.text ?? '');
        const more = cancelStoppers({ names, index: 0, value: context.node, block, statement }, context.file, pkg, inFinalizer);
        if (!more)
            return undefined;
        stoppers.push(...more);
    }
    return stoppers;
}
/** The close or cancel call, or the send statement, that a use of a channel or cancel func lies in. */
function stopperOf(use) {
    return use.parent.type === 'argument_list' ? use.parent.parent : use.parent;
}
/**
 * The stoppers of a channel or context the goroutine got from the code that
 * starts it: a `make(chan ...)`, or `context.WithCancel` of a context nothing
 * cancels, declared there. Every use of the channel, or of the cancel func,
 * in its block must be a wait, the start of this goroutine, or a stop in the
 * finalizer's code; a cancel func may also be stored in a field whose calls
 * are all in the finalizer's code.
 */
function localStoppers(local, start, pkg, inFinalizer) {
    const name = outerName(start, local.name);
    const declared = name ? declarationOf(start.node, name) : undefined;
    if (!declared)
        return undefined;
    if (local.kind === 'context')
        return cancelStoppers(declared, start.file, pkg, inFinalizer);
    if (!isMake(declared.value))
        return undefined;
    return stoppersAmongUses(declared, name, start.file, (use) => localChannelUse(use, start), pkg, inFinalizer);
}
/** The stoppers of a context declared `ctx, cancel := context.WithCancel(context.Background())`: the calls of its cancel func. */
function cancelStoppers(declared, file, pkg, inFinalizer) {
    const { names, index, value } = declared;
    if (index !== 0 || names.length !== 2 || !isUncancelledContext(value, file))
        return undefined;
    const cancel = names[1];
    // `ctx, _ := context.WithCancel(...)`: nothing can cancel it.
    if (cancel === '_')
        return [];
    return stoppersAmongUses(declared, cancel, file, cancelUse, pkg, inFinalizer);
}
/**
 * The stops among the uses of a declared local in its block: every use must
 * be a wait, the start of this goroutine, a stop in the finalizer's code, or
 * a store into a field whose calls are all in the finalizer's code.
 */
function stoppersAmongUses(declared, target, file, useOf, pkg, inFinalizer) {
    const stoppers = [];
    const fields = [];
    for (const use of declared.block.descendantsOfType('identifier')) {
        if (!use || use.text !== target || use.startIndex < declared.statement.endIndex || isKey(use))
            continue;
        const kind = useOf(use);
        if (kind === 'other')
            return undefined;
        if (kind === 'stops') {
            if (!inFinalizer(use, file))
                return undefined;
            stoppers.push({ node: stopperOf(use), file });
        }
        else if (typeof kind === 'object')
            fields.push(kind.field);
        else if (kind !== 'waits')
            return undefined;
    }
    const stored = fields.length ? fieldStoppers(fields, pkg, inFinalizer, cancelFieldUse) : [];
    return stored && [...stoppers, ...stored];
}
/** A field name in a composite literal (`{cancel: cancel}`), not a use of the variable. */
function isKey(identifier) {
    const element = identifier.parent?.type === 'literal_element' ? identifier.parent : undefined;
    return !!element && element.parent?.type === 'keyed_element' && element.parent.childForFieldName('key')?.id === element.id;
}
/** What the code that declares a stop channel does with it: waits on it, hands it to this goroutine, stops it, or something else. */
function localChannelUse(use, start) {
    const parent = use.parent;
    if (parent?.type === 'argument_list' && parent.parent?.id === start.node.namedChild(0)?.id)
        return 'waits';
    return channelUse(use);
}
/** What the code does with a cancel func: calls it, stores it in a field, or something else. */
function cancelUse(use) {
    const parent = use.parent;
    if (parent?.type === 'call_expression' && parent.childForFieldName('function')?.id === use.id)
        return 'stops';
    if (parent?.type === 'literal_element' && parent.parent?.type === 'keyed_element') {
        const key = parent.parent.childForFieldName('key')?.text;
        if (key && parent.parent.childForFieldName('value')?.id === parent.id)
            return { field: key };
    }
    if (parent?.type === 'expression_list' && parent.parent?.type === 'assignment_statement' && parent.parent.childForFieldName('right')?.id === parent.id) {
        const index = parent.namedChildren.findIndex((c) => c?.id === use.id);
        const left = parent.parent.childForFieldName('left')?.namedChildren[index];
        const field = left?.type === 'selector_expression' ? left.childForFieldName('field')?.text : undefined;
        if (field)
            return { field };
    }
    return 'other';
}
/** What code does with a field holding a cancel func: calls it (a stop), gives it a value, or something else. */
function cancelFieldUse(selector) {
    const parent = selector.parent;
    if (parent?.type === 'call_expression' && parent.childForFieldName('function')?.id === selector.id)
        return 'stops';
    if (parent?.type === 'expression_list' && parent.parent?.type === 'assignment_statement' && parent.parent.childForFieldName('left')?.id === parent.id)
        return 'makes';
    return 'other';
}
/** `context.WithCancel(context.Background())` (or `TODO()`, or `WithCancelCause`): a context only its cancel func cancels. */
function isUncancelledContext(value, file) {
    const isContextCall = (node, names) => {
        const fn = node?.type === 'call_expression' ? node.childForFieldName('function') : undefined;
        const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand') : undefined;
        return operand?.type === 'identifier' && file.imports.get(operand.text) === 'context' && names.includes(fn.childForFieldName('field')?.text ?? '');
    };
    if (!value || !isContextCall(value, ['WithCancel', 'WithCancelCause']))
        return false;
    const parents = argumentsOf(value);
    return parents.length === 1 && isContextCall(parents[0], ['Background', 'TODO']) && !argumentsOf(parents[0]).length;
}
/** The name a variable of the goroutine has in the code that starts it: the same for a captured one, the argument for a parameter. */
function outerName(start, name) {
    const fn = start.body.parent;
    const params = fn ? readParams(fn.childForFieldName('parameters')) : [];
    const position = params.findIndex((p) => p.name === name);
    if (position < 0)
        return fn?.type === 'func_literal' ? name : undefined;
    if (params[position].variadic)
        return undefined;
    const call = start.node.namedChild(0);
    const argument = call?.type === 'call_expression' ? argumentsOf(call)[position] : undefined;
    return argument?.type === 'identifier' ? argument.text : undefined;
}
/** The declaration of `name` nearest above a statement: `name := value` (or `a, name := f()`), in a block that holds the statement. */
function declarationOf(from, name) {
    for (let node = from.parent; node && node.type !== 'function_declaration' && node.type !== 'method_declaration'; node = node.parent) {
        if (node.type !== 'block')
            continue;
        const before = statementsOf(node).filter((s) => s.endIndex <= from.startIndex && s.type === 'short_var_declaration');
        for (const statement of before.reverse()) {
            const names = (statement.childForFieldName('left')?.namedChildren ?? []).map((n) => n?.text ?? '');
            const index = names.indexOf(name);
            if (index < 0)
                continue;
            const values = statement.childForFieldName('right')?.namedChildren ?? [];
            // `a, b := f()`: one call gives every value.
            const value = values.length === 1 ? (values[0] ?? null) : (values[index] ?? null);
            return { names, index: values.length === 1 ? index : 0, value, block: node, statement };
        }
    }
    return undefined;
}
/** What code does with a channel it names as a field: waits on it, makes it, stops a receiver (close, send), or something else. */
function channelUse(selector) {
    const parent = selector.parent;
    if (!parent)
        return 'other';
    if (parent.type === 'unary_expression' && parent.child(0)?.type === '<-')
        return 'waits';
    if (parent.type === 'send_statement' && parent.childForFieldName('channel')?.id === selector.id)
        return 'stops';
    if (parent.type === 'range_clause')
        return 'waits';
    if (parent.type === 'argument_list' && parent.parent?.childForFieldName('function')?.text === 'close')
        return 'stops';
    // `w.stop = make(chan struct{})`: a new channel no one else holds.
    if (parent.type === 'expression_list' && parent.parent?.type === 'assignment_statement' && parent.parent.childForFieldName('left')?.id === parent.id) {
        const values = parent.parent.childForFieldName('right')?.namedChildren ?? [];
        const index = parent.namedChildren.findIndex((c) => c?.id === selector.id);
        return isMake(values[index] ?? null) ? 'makes' : 'other';
    }
    return 'other';
}
function isMake(node) {
    return node?.type === 'call_expression' && node.childForFieldName('function')?.text === 'make';
}
/** The code the finalizer runs: its func literal or function, and what those call of the package, a few calls deep. */
function finalizerCode(evaluation, pkg) {
    const finalizer = evaluation.args[1];
    const receiverType = evaluation.argTypes[0];
    const typeName = receiverType?.kind === 'pointer' && receiverType.elem.kind === 'named' && !receiverType.elem.importPath ? receiverType.elem.name : undefined;
    const method = (name) => (typeName && name ? methodsOf(pkg, typeName)?.get(name) : undefined);
    const calleeOf = (fn) => fn?.type === 'identifier' ? pkg.funcs.get(fn.text) : fn?.type === 'selector_expression' ? method(fn.childForFieldName('field')?.text) : undefined;
    const code = [];
    let level = [];
    if (finalizer?.type === 'func_literal')
        code.push({ node: finalizer, file: evaluation.file });
    else {
        const decl = calleeOf(finalizer?.type === 'parenthesized_expression' ? finalizer.namedChild(0) : (finalizer ?? null));
        if (decl)
            level = [decl];
    }
    const seen = new Set();
    for (let depth = 0; depth <= maxFinalizerDepth; depth++) {
        for (const decl of level) {
            seen.add(decl);
            if (decl.body)
                code.push({ node: decl.body, file: decl.file });
        }
        const bodies = depth === 0 ? code : level.flatMap((d) => (d.body ? [{ node: d.body, file: d.file }] : []));
        level = [...new Set(bodies.flatMap((b) => b.node.descendantsOfType('call_expression').map((c) => calleeOf(c?.childForFieldName('function') ?? null))))].filter((d) => !!d && !seen.has(d));
    }
    return code;
}

;// CONCATENATED MODULE: ./src/analysis/timers.ts


/** The slot by which a timer made by time.AfterFunc holds its callback (`std-calls.ts`). */
const callbackSlot = 'time.AfterFunc callback';
/**
 * The timers the code made with a func literal that resets the timer's own
 * variable on every run, when no other code uses that variable (so nothing
 * else can stop it), with that Reset call.
 */
function rearmedTimers(evaluation) {
    const state = evaluation.run.finalState;
    // The objects given a callback, not every edge of the heap: the runtime holds a pending timer whoever else does.
    return state.holdersOf(callbackSlot).flatMap((timer) => {
        if (!state.slot(timer, callbackSlot).length)
            return [];
        const rearm = selfReset(timer.node);
        return rearm ? [{ timer, rearm, pathTo: pathsFrom(state, timer, (edge) => edge.sure) }] : [];
    });
}
/** Of those timers, one whose callback surely reaches `object`. */
function rearmedTimer(timers, object) {
    for (const { timer, rearm, pathTo } of timers) {
        const path = pathTo(object);
        if (path && path[0]?.via === callbackSlot)
            return { call: timer.node, file: timer.file, rearm, path };
    }
    return undefined;
}
/**
 * In `t = time.AfterFunc(d, func() { ...; t.Reset(d) })`, the Reset call, when
 * the callback makes it on every run and every other use of `t` is its
 * declaration or a Reset in the callback.
 */
function selfReset(call) {
    const callback = argumentsOf(call)[1];
    const list = call.parent;
    const assignment = list?.type === 'expression_list' ? list.parent : undefined;
    const left = assignment?.type === 'assignment_statement' ? assignment.childForFieldName('left')?.namedChildren : undefined;
    const name = left?.length === 1 && left[0]?.type === 'identifier' ? left[0].text : undefined;
    if (!name || callback?.type !== 'func_literal' || list.namedChildren.length !== 1)
        return undefined;
    let function_ = assignment.parent;
    while (function_ && !/^(function_declaration|method_declaration|func_literal)$/.test(function_.type))
        function_ = function_.parent;
    let rearm;
    for (const use of function_?.childForFieldName('body')?.descendantsOfType('identifier') ?? []) {
        if (!use || use.text !== name || use.id === left[0].id || use.parent?.type === 'var_spec')
            continue;
        const selector = use.parent?.type === 'selector_expression' && use.parent.childForFieldName('operand')?.id === use.id ? use.parent : undefined;
        const reset = selector?.childForFieldName('field')?.text === 'Reset' && selector.parent?.type === 'call_expression' ? selector.parent : undefined;
        if (!reset || reset.startIndex < callback.startIndex || reset.endIndex > callback.endIndex)
            return undefined;
        // Only a Reset every run of the callback makes re-arms it for good; one under a condition may stop.
        const statement = reset.parent?.type === 'expression_statement' ? reset.parent : undefined;
        const block = statement?.parent?.type === 'statement_list' ? statement.parent.parent : statement?.parent;
        if (block?.id === callback.childForFieldName('body')?.id)
            rearm = reset;
    }
    return rearm;
}

;// CONCATENATED MODULE: ./src/analysis/later-calls.ts
// What a caller may do with an object an entry point hands out: call the
// exported methods of its type. Each such method is interpreted once, as an
// entry point of its own on a receiver it did not make, so the rules can see
// what it links the receiver to (a package-level registry `SetCallback`
// fills, say) whoever calls it.





const later_calls_byPackage = new WeakMap();
/**
 * The exported methods of a package type (`*T` or `T`, the one `type` names)
 * with a body, each with the run that interprets it on its own receiver, in
 * the order declared; `interpreter` made those runs (its package variables are theirs).
 */
function laterMethodRuns(pkg, type) {
    const named = type && pointee(type);
    if (named?.kind !== 'named' || declaringPackage(named, pkg) !== pkg || !pkg.types.has(named.name))
        return undefined;
    let cache = later_calls_byPackage.get(pkg);
    if (!cache)
        later_calls_byPackage.set(pkg, (cache = { interpreter: new Interpreter(pkg, { effectsOf: calleeEffects }), runs: new Map() }));
    const methods = [...(methodsOf(pkg, named.name)?.values() ?? [])]
        .filter((m) => m.body && /^\p{Lu}/u.test(m.name))
        .sort((a, b) => order_byCodePoint(a.file.path, b.file.path) || a.node.startIndex - b.node.startIndex);
    const runs = methods.map((method) => {
        let run = cache.runs.get(method);
        if (!run)
            cache.runs.set(method, (run = cache.interpreter.interpretAlone(method)));
        return { method, run };
    });
    return { interpreter: cache.interpreter, runs };
}

;// CONCATENATED MODULE: ./src/rules/fg007-finalizer-may-never-run.ts









/** Objects smaller than this, without pointers, come from the runtime's tiny allocator. */
const tinyAllocatorLimit = 16;
/**
 * Up to this size two objects of one type fit in one tiny block, so a dropped
 * one can share its block with a live one. A 9 to 15 byte object is tiny too,
 * but was finalized when measured: its own kind cannot share its block.
 */
const sharedTinyBlockSize = tinyAllocatorLimit / 2;
/**
 * FG007 finalizer-may-never-run: the runtime may never run the finalizer or
 * cleanup even though nothing references the object: the object belongs to
 * a package-level variable (possibly linker-allocated, never freed), it has
 * a zero-size type (all such objects share one address), or it is a tiny
 * pointer-free object that shares a memory block with others, so it is freed
 * only when all of them are. AddCleanup is subject to all of it, as
 * SetFinalizer is (measured on Go 1.26).
 */
const finalizerMayNeverRun = {
    id: 'FG007',
    name: 'finalizer-may-never-run',
    severity: 'warning',
    summary: 'The runtime may never run this finalizer or cleanup: global, zero-size or tiny object.',
    kinds: ['SetFinalizer', 'AddCleanup'],
    check(site) {
        const arg = site.args[0];
        if (!arg)
            return undefined;
        const hook = hookNoun(site);
        const global = packageVariable(site, arg);
        if (global) {
            return {
                message: `${inline(arg)} is ${global}; package-level objects may be allocated by the linker and are never freed, ` +
                    `so the runtime does not guarantee to run this ${hook}`,
                related: [],
            };
        }
        const held = heldByPackageVariable(site);
        if (held) {
            return {
                message: `${describeArgument(site, 0)} stays reachable from a package-level variable: ${renderPath('package', held.path)}; ` +
                    `while it is there the object is never unreachable, so this ${hook} cannot run${held.note}`,
                related: relatedAlong(held.path),
            };
        }
        const later = heldAfterMethod(site);
        if (later) {
            const method = `${inline(arg)}.${later.method.name}(...)`;
            return {
                message: `${describeArgument(site, 0)} is returned to callers, and once one calls ${method} on it, it stays reachable from a package-level variable: ` +
                    `${renderPath('package', later.path)}; while it is there the object is never unreachable, so this ${hook} cannot run${later.note}`,
                related: [
                    { node: later.method.node, file: later.method.file, message: `${later.method.name} keeps it: ${firstLine(later.method.node.text)}` },
                    ...relatedAlong(later.path),
                ],
            };
        }
        const root = heldByGoroutine(site);
        if (root) {
            const signalsOf = (stops, kind) => stops.flatMap((s) => (s.field?.kind === kind ? [[s.field.holder, ...s.field.path].join('.')] : s.local?.kind === kind ? [s.local.name] : []));
            const described = (stops) => {
                const channels = signalsOf(stops, 'channel');
                const contexts = signalsOf(stops, 'context');
                return [...(channels.length ? [`${channels.join(' or ')} is closed or sent on`] : []), ...(contexts.length ? [`${contexts.join(' or ')} is cancelled`] : [])].join(' or ');
            };
            const signals = described(root.loop.stops);
            const relayed = root.relays.length ? `, which it does itself once ${described(root.relays)}` : '';
            const until = signals
                ? `until ${signals}${relayed}, which ${root.stoppers.length ? `only this ${hook} does` : 'no code of the package does'}`
                : 'forever';
            const go = root.start.node.namedChild(0)?.childForFieldName('function')?.type === 'func_literal' ? 'go func() {...}()' : inline(root.start.node);
            const through = root.path.length ? `; it holds ${root.name}, which reaches the object: ${renderPath(root.name, root.path)}` : '';
            return {
                message: `${describeArgument(site, 0)} is held by the goroutine started by ${go}, which runs ${until}${through}; ` +
                    `while it runs the object is reachable from its stack, so this ${hook} never runs`,
                related: [
                    { node: root.start.node, file: root.start.file, message: `the goroutine starts here: ${firstLine(root.start.node.text)}` },
                    ...relatedAlong(root.path),
                    { node: root.loop.loop, file: root.start.bodyFile, message: `it loops here, using ${root.name} on every iteration` },
                    ...root.stoppers.map((s) => ({ ...s, message: `only the ${hook} stops it: ${firstLine(s.node.text)}` })),
                ],
            };
        }
        const timer = heldByRearmedTimer(site);
        if (timer) {
            return {
                message: `${describeArgument(site, 0)} is held by the callback of the timer ${inline(timer.call)}, which resets its own timer (${inline(timer.rearm)}), ` +
                    `so a timer is always pending: ${renderPath('timer', timer.path)}; the runtime keeps pending timers and their callbacks, and no other code stops it, ` +
                    `so this ${hook} never runs`,
                related: [
                    { node: timer.call, file: timer.file, message: `the timer starts here: ${firstLine(timer.call.text)}` },
                    { node: timer.rearm, file: timer.file, message: `its callback re-arms it: ${firstLine(timer.rearm.text)}` },
                    ...relatedAlong(timer.path),
                ],
            };
        }
        const allocations = allocationsOf(site);
        const first = allocations?.[0];
        if (!allocations || !first)
            return undefined;
        if (allocations.every((a) => a.layout.size === 0)) {
            return {
                message: `${inline(arg)} points to a zero-size ${typeName(first.type)}; zero-size objects share one address and are never freed, so this ${hook} never runs`,
                related: [],
            };
        }
        if (allocations.every((a) => !a.layout.pointers && a.layout.size > 0 && a.layout.size <= sharedTinyBlockSize)) {
            return {
                message: `${inline(arg)} points to ${withArticle(`${first.layout.size}-byte`)} ${typeName(first.type)} without pointers; the runtime packs such tiny objects ` +
                    `into shared ${tinyAllocatorLimit}-byte blocks, and a ${hook} runs only when the whole block is unreachable, which may be never`,
                related: [],
            };
        }
        return undefined;
    },
};
/**
 * The allocations the first argument may point into, with their layouts: the objects the code shows it
 * holding (`&x.f` points into x's allocation), or, for a value the code does
 * not show, the type its declaration says it points to.
 */
function allocationsOf(site) {
    const types = [];
    for (const evaluation of site.evaluations) {
        const declared = evaluation.argTypes[0];
        const fallback = declared?.kind === 'pointer' ? declared.elem : undefined;
        const objects = evaluation.argObjects[0] ?? [];
        for (const object of objects) {
            const type = object.kind === 'opaque' ? fallback : (object.type ?? fallback);
            if (!type)
                return undefined;
            types.push(type);
        }
        if (!objects.length && fallback)
            types.push(fallback);
    }
    // Each type laid out once: an argument that may be any of a slice literal's elements has one type for all of them.
    const layouts = new Map();
    const layoutOnce = (type) => {
        if (!layouts.has(type))
            layouts.set(type, layout(type, site.pkg));
        return layouts.get(type);
    };
    const allocations = types.map((type) => ({ type, layout: layoutOnce(type) }));
    // A size this tool cannot know (a type of another package) is not guessed at.
    return allocations.every((a) => a.layout) ? allocations : undefined;
}
/** A path from a package-level variable to the finalized object, as the code leaves the references. */
function heldByPackageVariable(site) {
    const variables = site.interpreter.packageVariables();
    // Only references the code surely makes: one abstract object may stand for many, of which a branch keeps some.
    const sure = (edge) => edge.sure;
    for (const { objects, evaluation } of argumentObjects(site, 0)) {
        const reaching = reachingObjects(evaluation.run.finalState, sure);
        // An object made in a loop or branch may stand for several, of which the variable may hold only some.
        for (const object of objects.filter((o) => !o.many)) {
            const holders = reaching(object);
            if (!holders.size)
                continue;
            for (const variable of variables) {
                const found = holders.has(variable.id) ? lastingPath(site, evaluation, variable, object, sure) : undefined;
                if (found)
                    return found;
            }
        }
    }
    return undefined;
}
/**
 * A path from a package-level variable to the object that an exported method
 * of its type makes when a caller calls it on the object an exported entry
 * point returns (`c := New(); c.SetCallback(f)` storing c in a registry),
 * with no code but the finalizer taking it out again.
 */
function heldAfterMethod(site) {
    // A program's methods are called by its own code, which the entry points show.
    if (site.pkg.name === 'main')
        return undefined;
    const sure = (edge) => edge.sure;
    for (const { objects, evaluation } of argumentObjects(site, 0)) {
        if (!callableFromOutside(evaluation.run.root))
            continue;
        const returned = new Set(evaluation.run.returned.map((o) => o.id));
        for (const object of objects.filter((o) => o.kind === 'alloc' && !o.many && returned.has(o.id))) {
            const later = laterMethodRuns(site.pkg, object.type);
            for (const { method, run } of later?.runs ?? []) {
                const reaching = reachingObjects(run.finalState, sure);
                for (const receiver of run.receiver) {
                    const holders = reaching(receiver);
                    if (!holders.size)
                        continue;
                    for (const variable of later.interpreter.packageVariables()) {
                        const found = holders.has(variable.id) ? lastingPath(site, { ...evaluation, run }, variable, receiver, sure) : undefined;
                        if (found)
                            return { method, ...found };
                    }
                }
            }
        }
    }
    return undefined;
}
/** A goroutine that holds the object and runs until the finalizer stops it. */
function heldByGoroutine(site) {
    for (const { objects, evaluation } of argumentObjects(site, 0)) {
        for (const object of objects.filter((o) => o.kind === 'alloc')) {
            const root = goroutineRoot(evaluation, object, site.pkg, (holder) => lastingPath(site, evaluation, holder, object, (edge) => edge.sure)?.path);
            if (root)
                return root;
        }
    }
    return undefined;
}
/** A self-rescheduling timer whose callback holds the object. */
function heldByRearmedTimer(site) {
    for (const { objects, evaluation } of argumentObjects(site, 0)) {
        // Found once for the evaluation, however many objects the argument may be.
        const timers = rearmedTimers(evaluation);
        if (!timers.length)
            continue;
        for (const object of objects.filter((o) => o.kind === 'alloc')) {
            const timer = rearmedTimer(timers, object);
            if (timer)
                return timer;
        }
    }
    return undefined;
}
/** How the argument names a package-level variable's object, or undefined. */
function packageVariable(site, arg) {
    if (arg.type === 'identifier' && isPackageVariable(site, arg.text)) {
        const value = site.pkg.vars.get(arg.text).value;
        const direct = value && isStaticAllocation(value) ? value : undefined;
        const inlined = !direct && value && releaseAtLeast(site.go, staticConstructorRelease) ? staticConstructorResult(site, value) : undefined;
        const literal = (direct ?? inlined)?.childForFieldName('operand');
        // Only the object of the initializer is static; one the code assigned since is an ordinary heap object.
        const stillInitial = site.evaluations.some((e) => e.argObjects[0]?.some((o) => o.kind === 'alloc' && o.node.id === literal?.id));
        if (!literal || !stillInitial)
            return undefined;
        if (direct)
            return `the object allocated for package-level variable ${arg.text}`;
        return (`the object of package-level variable ${arg.text}, made by ${inline(value)}: since ${releaseName(staticConstructorRelease)} the compiler ` +
            `inlines a constructor called with constants into the initializer and lays its &T{...} out in static data, as if written there`);
    }
    const variable = addressedPackageVariable(site, arg);
    return variable ? `an address inside package-level variable ${variable}` : undefined;
}
/** The first release measured to lay out `var v = newT(constants)` statically (Go 1.19 allocated it on the heap). */
const staticConstructorRelease = [1, 24];
/**
 * The `&T{...}` a package-level initializer gets by inlining: a call of a
 * package function with constant arguments (literals, no variables or calls)
 * whose body is only `return &T{...}` and that may be inlined. Measured:
 * static on Go 1.24 to 1.26; a body with other statements, `new(T)`, a
 * `//go:noinline` directive or an argument known only at run time gives a
 * heap object.
 */
function staticConstructorResult(site, value) {
    const fn = value.type === 'call_expression' ? value.childForFieldName('function') : undefined;
    const decl = fn?.type === 'identifier' ? site.pkg.funcs.get(fn.text) : undefined;
    if (!decl?.body || decl.receiver || noInline(decl.node))
        return undefined;
    const args = value.childForFieldName('arguments')?.namedChildren ?? [];
    if (!args.every((a) => a && constantLiterals.has(a.type)))
        return undefined;
    const statements = decl.body.namedChildren.filter((n) => n?.type !== 'comment');
    const list = statements.length === 1 && statements[0]?.type === 'statement_list' ? statements[0].namedChildren.filter((n) => n?.type !== 'comment') : statements;
    const only = list.length === 1 && list[0]?.type === 'return_statement' ? list[0].namedChild(0) : undefined;
    const result = only?.type === 'expression_list' && only.namedChildCount === 1 ? only.namedChild(0) : only;
    return result && isStaticAllocation(result) ? result : undefined;
}
const constantLiterals = new Set(['int_literal', 'float_literal', 'imaginary_literal', 'rune_literal', 'interpreted_string_literal', 'raw_string_literal', 'true', 'false', 'nil']);
/** A `//go:noinline` directive right above a function declaration. */
function noInline(declaration) {
    for (let before = declaration.previousSibling; before?.type === 'comment'; before = before.previousSibling) {
        if (before.text.trim() === '//go:noinline')
            return true;
    }
    return false;
}
/** `&T{...}` in a package-level initializer is laid out by the compiler in static data; `new(T)` is a heap allocation (measured). */
function isStaticAllocation(node) {
    return node.type === 'unary_expression' && node.child(0)?.type === '&' && node.childForFieldName('operand')?.type === 'composite_literal';
}

;// CONCATENATED MODULE: ./src/fix/method-expression.ts
// FG005's fix: a method value that takes no argument becomes the method expression.



/**
 * `runtime.SetFinalizer(f, f.Close)`: `f.Close` is a func() with no place for
 * the object; `(*File).Close` is a func(*File) the runtime calls with it,
 * which is what the code meant when the method is selected from the object
 * itself. Offered when the object is a variable of type *T, T a type the
 * package declares (not generic, not shadowed at the call), that declares the
 * method with no parameters (either receiver: *T's method set has both).
 */
function methodExpression(site) {
    const [object, finalizer] = site.args;
    const scope = site.evaluations[0]?.scope;
    if (object?.type !== 'identifier' || finalizer?.type !== 'selector_expression' || !scope)
        return undefined;
    const operand = finalizer.childForFieldName('operand');
    const name = finalizer.childForFieldName('field')?.text;
    const type = site.evaluations[0]?.argTypes[0];
    if (operand?.type !== 'identifier' || operand.text !== object.text || !name || type?.kind !== 'pointer')
        return undefined;
    const base = type.elem;
    if (base.kind !== 'named' || base.importPath || base.args.length || scope.lookup(base.name) || site.interpreter.fieldOf(finalizer, scope))
        return undefined;
    const method = methodsOf(site.pkg, base.name)?.get(name);
    if (!method || method.receiver?.typeName !== base.name || method.params.length)
        return undefined;
    const expression = `(*${base.name}).${name}`;
    return offered(site.file, `use the method expression ${expression}, which the runtime calls with the object`, [replaceNode(site.file, finalizer, expression)]);
}

;// CONCATENATED MODULE: ./src/fix/parameter-type.ts




/**
 * `runtime.SetFinalizer(w, func(r *Reader) { flush() })`: the finalizer never
 * looks at r, so its parameter's type is all that is wrong, and the object's
 * own type makes it a finalizer the runtime accepts without changing what it
 * does. Offered for a func literal whose one parameter is unnamed, `_`, or
 * named but never mentioned in the body, when the object is a *T, T a type
 * the package declares (not generic, not shadowed at the call). A parameter
 * the body uses is left alone: what the body does with it may need its type.
 */
function objectParameterType(site) {
    const finalizer = site.args[1];
    const scope = site.evaluations[0]?.scope;
    const type = site.evaluations[0]?.argTypes[0];
    const body = finalizer?.type === 'func_literal' ? finalizer.childForFieldName('body') : undefined;
    if (!body || !scope || type?.kind !== 'pointer')
        return undefined;
    const base = type.elem;
    if (base.kind !== 'named' || base.importPath || base.args.length || !site.pkg.types.has(base.name) || scope.lookup(base.name))
        return undefined;
    const param = soleParameter(finalizer);
    const typeNode = param?.declaration.childForFieldName('type');
    if (!param || !typeNode)
        return undefined;
    if (param.name && param.name.text !== '_' && identifiersNamed(body, param.name.text).length > 0)
        return undefined;
    if (!importsStayUsed(site, typeNode))
        return undefined;
    const text = `*${base.name}`;
    return offered(site.file, `give the finalizer's parameter the object's type ${text}: the finalizer never uses it`, [replaceNode(site.file, typeNode, text)]);
}
/**
 * Every package the replaced type names (`io` of `io.Reader`) is named by
 * another type of the file too, so its import stays used and the file still
 * builds. (A qualified type is always the package; an `io.X` expression
 * might be a variable's field, so it does not count.)
 */
function importsStayUsed(site, typeNode) {
    const packages = new Set(typeNode.descendantsOfType('package_identifier').map((p) => p?.text));
    if (packages.size === 0)
        return true;
    const inside = (node) => node.startIndex >= typeNode.startIndex && node.endIndex <= typeNode.endIndex;
    const elsewhere = site.file.tree.rootNode.descendantsOfType('package_identifier').filter((p) => !!p && !inside(p));
    return [...packages].every((name) => elsewhere.some((p) => p.text === name && p.parent?.type === 'qualified_type'));
}

;// CONCATENATED MODULE: ./src/rules/fg005-finalizer-bad-signature.ts






/**
 * FG005 finalizer-bad-signature: the finalizer is not a function of exactly
 * one parameter to which the object's type is assignable: wrong arity, a
 * variadic parameter, a parameter of another type, or a method value whose
 * method takes no argument (`x.Close`). The runtime throws "cannot pass *T to
 * finalizer ..." at the call and the program dies.
 */
const finalizerBadSignature = {
    id: 'FG005',
    name: 'finalizer-bad-signature',
    severity: 'error',
    summary: 'The finalizer cannot take the object as its one argument; the program dies at the call.',
    kinds: ['SetFinalizer'],
    fatal: true,
    check(site) {
        const finalizer = site.args[1];
        if (!finalizer || finalizer.type === 'nil')
            return undefined;
        const objectType = site.evaluations[0]?.argTypes[0];
        const object = objectType && objectType.kind !== 'unknown' ? typeName(objectType) : 'the object';
        const finalizerType = site.evaluations[0]?.argTypes[1];
        const finalizerKind = finalizerType && underlying(finalizerType, site.pkg).kind;
        if (finalizerType && finalizerKind && ['basic', 'struct', 'pointer', 'slice', 'map', 'chan', 'array'].includes(finalizerKind)) {
            return {
                message: `${inline(finalizer)} is ${withArticle(typeName(finalizerType))}, not a function; runtime.SetFinalizer throws "second argument is ${typeName(finalizerType)}, not a function" and the program dies`,
                related: [],
            };
        }
        const signature = fg005_finalizer_bad_signature_signatureOf(site, finalizer);
        if (!signature)
            return undefined;
        const fails = (why) => ({
            message: `${signature.what} ${why}; runtime.SetFinalizer throws "cannot pass ${object} to finalizer" and the program dies (recover cannot catch it)`,
            related: [],
        });
        if (signature.params.length !== 1) {
            return { ...fails(`takes ${signature.params.length} parameters, but the runtime calls a finalizer with exactly one, the object`), fix: methodExpression(site) };
        }
        if (signature.variadic)
            return fails('has a variadic parameter, which the runtime does not accept');
        if (objectType && !assignable(objectType, signature.params[0], site)) {
            return { ...fails(`takes ${withArticle(typeName(signature.params[0]))}, which the object's type ${object} is not assignable to`), fix: objectParameterType(site) };
        }
        return undefined;
    },
};
/** The parameter list of the finalizer expression, when the package declares it. */
function fg005_finalizer_bad_signature_signatureOf(site, node) {
    const scope = site.evaluations[0]?.scope;
    if (!scope)
        return undefined;
    if (node.type === 'func_literal') {
        const params = readParams(node.childForFieldName('parameters'));
        return { what: 'the finalizer func literal', params: params.map((p) => typeWritten(p.typeNode, site.file)), variadic: params.some((p) => p.variadic) };
    }
    if (node.type === 'identifier') {
        if (scope.lookup(node.text))
            return undefined;
        const decl = site.pkg.funcs.get(node.text);
        if (!decl || fieldChildren(decl.node, 'type_parameters').length)
            return undefined;
        return { what: `function ${node.text}`, params: decl.params.map((p) => typeWritten(p.typeNode, decl.file)), variadic: decl.params.some((p) => p.variadic) };
    }
    if (node.type !== 'selector_expression')
        return undefined;
    const operand = node.childForFieldName('operand');
    const name = node.childForFieldName('field')?.text ?? '';
    const receiverType = operand ? typeExpression(operand, site) : undefined;
    if (receiverType) {
        // Method expression (*T).m or T.m: the receiver becomes the first parameter.
        const base = receiverType.kind === 'pointer' ? receiverType.elem : receiverType;
        if (base.kind !== 'named')
            return undefined;
        const method = methodsOf(site.pkg, base.name)?.get(name);
        if (!method || method.receiver?.typeName !== base.name)
            return undefined;
        if (!method.receiver.pointer || receiverType.kind === 'pointer') {
            return {
                what: `method expression ${inline(node)}`,
                params: [receiverType, ...method.params.map((p) => typeWritten(p.typeNode, method.file))],
                variadic: method.params.some((p) => p.variadic),
            };
        }
        return undefined;
    }
    const method = site.interpreter.methodOf(node, scope);
    if (!method || site.interpreter.fieldOf(node, scope))
        return undefined;
    return {
        what: `method value ${inline(node)}`,
        params: method.params.map((p) => typeWritten(p.typeNode, method.file)),
        variadic: method.params.some((p) => p.variadic),
    };
}
/** `(*T)` or `T` naming a type of the package, as the operand of a method expression. */
function typeExpression(node, site) {
    let inner = node;
    while (inner?.type === 'parenthesized_expression')
        inner = inner.namedChild(0);
    if (inner?.type === 'unary_expression' && inner.child(0)?.type === '*') {
        const elem = inner.childForFieldName('operand');
        const base = elem && typeExpression(elem, site);
        return base ? { kind: 'pointer', elem: base } : undefined;
    }
    if (inner?.type === 'pointer_type') {
        const elem = inner.namedChild(0);
        return elem && site.pkg.types.has(elem.text) ? { kind: 'pointer', elem: { kind: 'named', name: elem.text, args: [] } } : undefined;
    }
    if ((inner?.type === 'identifier' || inner?.type === 'type_identifier') && site.pkg.types.has(inner.text)) {
        const scope = site.evaluations[0]?.scope;
        if (scope?.lookup(inner.text))
            return undefined;
        return { kind: 'named', name: inner.text, args: [] };
    }
    return undefined;
}
/**
 * The runtime's rule: the same type; or both pointers to the same element
 * type with one of them unnamed; or an interface the object implements. Only
 * a mismatch the declarations prove is reported.
 */
function assignable(object, param, site) {
    if (object.kind === 'unknown' || param.kind === 'unknown' || param.kind === 'typeParam')
        return true;
    if (sameType(object, param))
        return true;
    const paramUnder = underlying(param, site.pkg);
    if (paramUnder.kind === 'interface' || (param.kind === 'named' && param.importPath))
        return implementsAll(object, param, site);
    if (paramUnder.kind === 'unknown' || paramUnder.kind === 'named')
        return true;
    if (object.kind !== 'pointer')
        return true;
    const resolve = (t) => {
        const decl = t.kind === 'named' && !t.importPath ? site.pkg.types.get(t.name) : undefined;
        return decl?.isAlias ? resolve(declaredType(decl)) : t;
    };
    const pointer = param.kind === 'pointer' ? param : paramUnder.kind === 'pointer' ? paramUnder : undefined;
    if (!pointer)
        return false;
    const a = resolve(object.elem);
    const b = resolve(pointer.elem);
    if (a.kind === 'typeParam' || b.kind === 'typeParam' || a.kind === 'unknown' || b.kind === 'unknown')
        return true;
    if (!sameType(a, b))
        return false;
    if (pointer === param)
        return true;
    // A named pointer type (`type ConnRef *Conn`) passes the runtime's check only
    // while *Conn carries no method set: once Conn has methods, both types are
    // "named" to the runtime and it throws (measured).
    const methods = fg005_finalizer_bad_signature_methodSet(object, site);
    return !methods || methods.size === 0;
}
/** Method names of interfaces from the standard library that finalizers commonly take. */
const standardInterfaces = {
    'io.Reader': ['Read'],
    'io.Writer': ['Write'],
    'io.Closer': ['Close'],
    'io.ReadCloser': ['Read', 'Close'],
    'io.WriteCloser': ['Write', 'Close'],
    'io.ReadWriter': ['Read', 'Write'],
    'io.ReadWriteCloser': ['Read', 'Write', 'Close'],
    'fmt.Stringer': ['String'],
};
/** The methods an interface type requires, when every part of it is known. */
function requiredMethods(param, site) {
    if (param.kind === 'named' && param.importPath)
        return standardInterfaces[`${param.importPath}.${param.name}`];
    const decl = param.kind === 'named' ? site.pkg.types.get(param.name) : undefined;
    if (!decl || decl.typeNode.type !== 'interface_type')
        return param.kind === 'interface' && param.empty ? [] : undefined;
    const names = [];
    for (const element of decl.typeNode.namedChildren) {
        if (element?.type === 'method_elem')
            names.push(element.childForFieldName('name')?.text ?? '');
        else if (element) {
            const embedded = requiredMethods(typeWritten(element.namedChild(0) ?? element, decl.file), site);
            if (!embedded)
                return undefined;
            names.push(...embedded);
        }
    }
    return names;
}
/** The method set of a pointer to a package type, when no embedded type hides methods from us. */
function fg005_finalizer_bad_signature_methodSet(object, site, depth = 0) {
    const base = object.kind === 'pointer' ? object.elem : object;
    if (base.kind !== 'named' || base.importPath || depth > 3)
        return undefined;
    const names = new Set(methodsOf(site.pkg, base.name)?.keys() ?? []);
    const under = underlying(base, site.pkg);
    if (under.kind !== 'struct')
        return names;
    for (const field of under.fields) {
        if (!field.embedded)
            continue;
        // An embedded interface promotes the methods it requires.
        const promoted = underlying(field.type, site.pkg).kind === 'interface' ? requiredMethods(field.type, site) : fg005_finalizer_bad_signature_methodSet(field.type, site, depth + 1);
        if (!promoted)
            return undefined;
        for (const name of promoted)
            names.add(name);
    }
    return names;
}
function implementsAll(object, iface, site) {
    const required = requiredMethods(iface, site);
    const available = fg005_finalizer_bad_signature_methodSet(object, site);
    if (!required || !available)
        return true;
    return required.every((name) => available.has(name));
}

;// CONCATENATED MODULE: ./src/fix/address.ts
// FG004's fixes: the object is given as a pointer to where it is made.





/** Whether the call's finalizer can take an object of this type (a removal with nil takes any). */
function finalizerTakes(site, type) {
    const finalizer = site.args[1];
    if (!finalizer)
        return false;
    if (finalizer.type === 'nil')
        return true;
    const signature = fg005_finalizer_bad_signature_signatureOf(site, finalizer);
    if (!signature || signature.params.length !== 1 || signature.variadic)
        return false;
    const param = signature.params[0];
    const under = underlying(param, site.pkg);
    return sameType(param, type) || (under.kind === 'interface' && under.empty);
}
/**
 * `str := CString{...}; runtime.SetFinalizer(str, ...)`: the struct value
 * made by a composite literal in the same function gets its address taken
 * where it is made. Offered only when every other use stays valid and means
 * the same with a pointer: a field or method selected from it (Go selects
 * through the pointer), `&str` (which becomes `str`, the same object), and
 * the finalizer takes the pointer. A copy (`x := str`), an assignment, a
 * second declaration of the name: no fix.
 */
function addressWhereMade(site, arg) {
    const variable = arg.type === 'identifier' ? site.evaluations[0]?.scope.lookup(arg.text) : undefined;
    const fn = source_enclosingFunction(site.call);
    if (!variable || variable.global || variable.type.kind !== 'named' || underlying(variable.type, site.pkg).kind !== 'struct' || !fn)
        return undefined;
    if (!finalizerTakes(site, { kind: 'pointer', elem: variable.type }))
        return undefined;
    let literal;
    const edits = [];
    for (const use of identifiersNamed(fn, arg.text)) {
        if (use.id === arg.id || isSelected(use))
            continue;
        const address = addressOf(use);
        if (address) {
            edits.push(replaceNode(site.file, address, use.text));
            continue;
        }
        const value = declaredValue(use);
        if (literal || value?.type !== 'composite_literal' || !/^(type_identifier|qualified_type|generic_type)$/.test(value.childForFieldName('type')?.type ?? ''))
            return undefined;
        literal = value;
    }
    if (!literal)
        return undefined;
    edits.push(insertBefore(site.file, literal, '&'));
    return offered(site.file, `make ${arg.text} a pointer where it is made: ${arg.text} := &${typeName(variable.type)}{...}`, edits);
}
/** The value a declaration without a type gives the identifier: `x := v`, `var x = v`; undefined for any other place of it. */
function declaredValue(identifier) {
    const list = identifier.parent;
    const declaration = list?.type === 'expression_list' ? list.parent : list;
    if (declaration?.type === 'short_var_declaration' && list?.type === 'expression_list' && declaration.childForFieldName('left')?.id === list.id) {
        const index = list.namedChildren.findIndex((n) => n?.id === identifier.id);
        const values = declaration.childForFieldName('right')?.namedChildren ?? [];
        return values.length === list.namedChildren.length ? (values[index] ?? undefined) : undefined;
    }
    if (list?.type === 'var_spec' && !list.childForFieldName('type')) {
        const names = list.namedChildren.filter((n) => n?.type === 'identifier');
        const values = list.childForFieldName('value')?.namedChildren ?? [];
        const index = names.findIndex((n) => n?.id === identifier.id);
        return index >= 0 && values.length === names.length ? (values[index] ?? undefined) : undefined;
    }
    return undefined;
}
/**
 * `&p` of a pointer variable becomes `p`: the finalizer or cleanup then goes
 * on the object p points to. Offered when the call stays valid and the
 * object can then be collected: a cleanup whose function is a func literal
 * not naming p (or a function of the package) and whose argument is of a
 * basic type and does not name p; a finalizer that takes any.
 */
function dropAddressOfPointer(site, arg, variable) {
    if (underlying(variable.type, site.pkg).kind !== 'pointer')
        return undefined;
    const names = (node) => !!node && (node.text === variable.name || identifiersNamed(node, variable.name).length > 0);
    if (site.kind === 'AddCleanup') {
        const [, cleanup, cleanupArg] = site.args;
        const scope = site.evaluations[0]?.scope;
        const packageFunction = cleanup?.type === 'identifier' && !scope?.lookup(cleanup.text) && site.pkg.funcs.has(cleanup.text);
        if (!cleanup || !(cleanup.type === 'func_literal' || packageFunction) || names(cleanup) || !cleanupArg || names(cleanupArg))
            return undefined;
        const argType = site.evaluations[0]?.argTypes[2];
        if (!argType || underlying(argType, site.pkg).kind !== 'basic')
            return undefined;
    }
    else if (!site.args[1] || site.args[1].type === 'nil' || !finalizerTakes(site, variable.type)) {
        return undefined;
    }
    return offered(site.file, `pass ${variable.name}, the pointer, not &${variable.name}, the address of the variable`, [replaceNode(site.file, arg, variable.name)]);
}

;// CONCATENATED MODULE: ./src/rules/fg004-finalizer-bad-object.ts







/**
 * FG004 finalizer-bad-object: the first argument of SetFinalizer is not a
 * pointer to the start of an allocation: nil, a nil pointer (`var x *T`
 * never assigned, `(*T)(nil)`), a struct or other non-pointer value (the
 * article's own CString example), also inside an interface variable, or a
 * pointer to a field that is not the first (`&s.inner`). The runtime throws
 * ("first argument is nil", "pointer not in allocated block", "first
 * argument is T, not pointer", "pointer not at beginning of allocated
 * block"); recover cannot catch it, the program dies. And `&p` of a pointer
 * variable: the finalizer goes on the variable, which is dropped at once,
 * not on the object p points to.
 *
 * AddCleanup (measured on Go 1.24 to 1.26) takes a *T, so only two of these
 * apply to it: a nil pointer panics ("runtime.AddCleanup: ptr is nil", a
 * panic recover can catch), and `&p` of a pointer variable puts the cleanup
 * on the variable, which runs at once. A pointer into an object (`&s.inner`)
 * is fine for AddCleanup: the cleanup runs when the object is collected.
 */
const finalizerBadObject = {
    id: 'FG004',
    name: 'finalizer-bad-object',
    severity: 'error',
    summary: 'The first argument is not a pointer to the start of an allocation: the program dies at the call, or the finalizer lands on a variable.',
    kinds: ['SetFinalizer', 'AddCleanup'],
    fatal: true,
    checksRemoval: true,
    check(site) {
        const arg = site.args[0];
        if (!arg)
            return undefined;
        if (arg.type === 'nil') {
            return { message: 'the first argument of runtime.SetFinalizer is nil; the runtime throws "first argument is nil" and the program dies', related: [] };
        }
        const type = site.evaluations[0]?.argTypes[0];
        const under = type && underlying(type, site.pkg);
        const value = soleValue(site, arg);
        const declaredPointer = under?.kind === 'pointer' ? type : undefined;
        const nilPointer = nilConversion(arg, site) ?? (value === null ? declaredPointer : value && (nilConversion(value, site) ?? (value.type === 'nil' ? declaredPointer : undefined)));
        if (nilPointer && site.kind === 'AddCleanup') {
            return { message: `${inline(arg)} is a nil ${typeName(nilPointer)}; runtime.AddCleanup panics "runtime.AddCleanup: ptr is nil"`, related: [] };
        }
        if (nilPointer) {
            return {
                message: `${inline(arg)} is a nil ${typeName(nilPointer)}; runtime.SetFinalizer throws "pointer not in allocated block" and the program dies (recover cannot catch it)`,
                related: [],
            };
        }
        // A static type not known (another package's function past the budget) may be an interface all the same.
        const evaluation = site.evaluations[0];
        const held = evaluation && (!under || under.kind === 'interface' || under.kind === 'unknown') ? site.interpreter.heldValue(arg, evaluation.scope, site.file) : undefined;
        if (held && isValueKind(underlying(held.type, site.pkg).kind)) {
            const heldName = runtimeTypeName(held.type, site);
            const holder = under?.kind === 'interface' ? `an interface (${runtimeTypeName(type, site)}) holding ` : '';
            return {
                message: `${inline(arg)} is ${holder}${withArticle(heldName)} value, not a pointer; runtime.SetFinalizer throws ` +
                    `"first argument is ${heldName}, not pointer" and the program dies (recover cannot catch it)`,
                related: held.file === site.file ? [] : [{ node: held.node, file: held.file, message: `the ${heldName} value is made here` }],
            };
        }
        const variable = addressedReference(site, arg);
        // A finalizer that cannot take **T is FG005's; a cleanup's function takes arg, not ptr.
        if (variable && (site.kind === 'AddCleanup' || !finalizerBadSignature.check(site))) {
            return {
                message: `${inline(arg)} is the address of the variable ${variable.name} (${typeName(variable.type)}), not of what it points to: the ${hookNoun(site)} goes on ` +
                    `the variable's own storage, which nothing references once the function is done with ${variable.name}, so it runs at once while the object lives on`,
                related: [],
                fix: dropAddressOfPointer(site, arg, variable),
            };
        }
        // The rest cannot happen to AddCleanup: its ptr is a *T, and a pointer inside an object is fine for it.
        if (site.kind === 'AddCleanup')
            return undefined;
        if (type && under && isValueKind(under.kind)) {
            return {
                message: `${inline(arg)} is ${withArticle(runtimeTypeName(type, site))} value, not a pointer; runtime.SetFinalizer throws ` +
                    `"first argument is ${runtimeTypeName(type, site)}, not pointer" and the program dies (recover cannot catch it)`,
                related: [],
                fix: addressWhereMade(site, arg),
            };
        }
        const cCall = cAllocation(site);
        if (cCall) {
            return {
                message: `${inline(arg)} points to memory that C allocated (${inline(cCall)}), not to a Go object; runtime.SetFinalizer throws "pointer not in allocated block" and the program dies`,
                related: [{ node: cCall, file: site.evaluations[0].file, message: 'C allocates it here' }],
            };
        }
        // Inside a package-level variable nothing throws: the runtime ignores memory that is not on the heap (FG007).
        if (addressedPackageVariable(site, arg))
            return undefined;
        const operand = arg.type === 'unary_expression' && arg.child(0)?.type === '&' ? arg.childForFieldName('operand') : null;
        // The runtime accepts inner pointers to tiny pointer-free objects: they may come from the tiny allocator.
        const pointee = type?.kind === 'pointer' ? layout(type.elem, site.pkg) : undefined;
        if (!operand || (pointee && !pointee.pointers && pointee.size < tinyAllocatorLimit))
            return undefined;
        const where = operand.type === 'selector_expression' ? fieldWhere(site, operand) : elementWhere(operand);
        if (!where)
            return undefined;
        return {
            message: `${inline(arg)} points to ${where}; runtime.SetFinalizer throws "pointer not at beginning of allocated block" and the program dies`,
            related: [],
        };
    },
};
/**
 * The C call (`C.env_new()`) that made what the first argument surely points
 * to, on every evaluation: such memory is outside Go's heap. cgo's own
 * helpers that copy into Go memory (`C.GoString`, `C.GoBytes`) are not C
 * allocations.
 */
function cAllocation(site) {
    // A value of a declared interface or other non-pointer type (a SWIG handle, a uintptr) fails for another reason, if at all.
    const declared = site.evaluations[0]?.argTypes[0];
    if (declared && declared.kind !== 'unknown' && underlying(declared, site.pkg).kind !== 'pointer')
        return undefined;
    const made = site.evaluations.flatMap((e) => e.argObjects[0] ?? []);
    const calls = made.map((object) => {
        const fn = object.kind === 'opaque' && object.node.type === 'call_expression' ? object.node.childForFieldName('function') : undefined;
        const operand = fn?.type === 'selector_expression' ? fn.childForFieldName('operand') : undefined;
        const name = fn?.childForFieldName('field')?.text ?? '';
        return operand?.text === 'C' && object.file.imports.get('C') === 'C' && !name.startsWith('Go') ? object.node : undefined;
    });
    return calls.length && calls.every(Boolean) ? calls[0] : undefined;
}
/** The pointer type of `(*T)(nil)`: a nil converted to a pointer type. */
function nilConversion(node, site) {
    let inner = node;
    while (inner?.type === 'parenthesized_expression')
        inner = inner.namedChild(0);
    const fn = inner?.type === 'call_expression' ? inner.childForFieldName('function') : undefined;
    const args = inner?.childForFieldName('arguments')?.namedChildren ?? [];
    if (fn?.type !== 'parenthesized_expression' || args.length !== 1 || args[0]?.type !== 'nil')
        return undefined;
    const target = fn.namedChild(0);
    if (target?.type === 'pointer_type')
        return typeWritten(target, site.file);
    if (target?.type === 'unary_expression' && target.child(0)?.type === '*')
        return { kind: 'pointer', elem: typeWritten(target.childForFieldName('operand'), site.file) };
    return undefined;
}
/**
 * What a local variable surely holds at the call, when its one declaration in
 * the function is the only thing that sets it: the initial value, or null for
 * `var x T` without one (the zero value). Undefined when anything else may
 * set it: an assignment, `&x`, a second declaration of the name, a parameter.
 */
function soleValue(site, arg) {
    const variable = arg.type === 'identifier' ? site.evaluations[0]?.scope.lookup(arg.text) : undefined;
    if (!variable || variable.global)
        return undefined;
    const values = valuesAssigned(arg);
    return values?.length === 1 ? values[0] : undefined;
}
/** `&p` of a local variable whose value refers to something else (a pointer, slice, map, chan, func or interface): the variable's own address. */
function addressedReference(site, arg) {
    const operand = arg.type === 'unary_expression' && arg.child(0)?.type === '&' ? arg.childForFieldName('operand') : null;
    const scope = site.evaluations[0]?.scope;
    if (operand?.type !== 'identifier' || !scope)
        return undefined;
    const variable = scope.lookup(operand.text);
    if (!variable || variable.global)
        return undefined;
    const kind = underlying(variable.type, site.pkg).kind;
    return ['pointer', 'slice', 'map', 'chan', 'func', 'interface'].includes(kind) ? { name: operand.text, type: variable.type } : undefined;
}
/** A type as the runtime names it in its messages: a named type with the name of the package that declares it (`main.Conn`). */
function runtimeTypeName(type, site) {
    const declaring = declaringPackage(type, site.pkg);
    return type.kind === 'named' && declaring ? `${declaring.name}.${typeName({ ...type, importPath: undefined })}` : typeName(type);
}
function isValueKind(kind) {
    return ['struct', 'basic', 'slice', 'map', 'chan', 'func', 'array'].includes(kind);
}
/** `&a[2]`: an element other than the first of a slice or array. */
function elementWhere(index) {
    if (index.type !== 'index_expression')
        return undefined;
    const position = index.childForFieldName('index');
    return position?.type === 'int_literal' && Number(position.text) > 0 ? `element ${position.text}, inside its slice or array` : undefined;
}
/** Where the selected field lies when it does not start its struct. */
function fieldWhere(site, selector) {
    const position = fieldPosition(site, selector);
    if (!position || position.atStart)
        return undefined;
    const field = selector.childForFieldName('field')?.text;
    return position.offset === undefined ? `field ${field}, past the start of its struct` : `field ${field}, at offset ${position.offset} of its struct`;
}
/** Whether the selected field starts its struct; its byte offset when every size before it is known. */
function fieldPosition(site, selector) {
    const operand = selector.childForFieldName('operand');
    const name = selector.childForFieldName('field')?.text;
    const scope = site.evaluations[0]?.scope;
    if (!operand || !name || !scope)
        return undefined;
    const holderType = site.interpreter.typeOf(operand, scope);
    const struct = underlying(holderType.kind === 'pointer' ? holderType.elem : holderType, site.pkg);
    if (struct.kind !== 'struct')
        return undefined;
    const index = struct.fields.findIndex((f) => f.name === name);
    if (index < 0)
        return undefined;
    if (index === 0)
        return { atStart: true, offset: 0 };
    let offset = 0;
    for (const field of struct.fields.slice(0, index + 1)) {
        const l = layout(field.type, site.pkg);
        // Unknown sizes before it: a field after others is past the start all the same.
        if (!l)
            return { atStart: false };
        offset = Math.ceil(offset / l.align) * l.align;
        if (field.name === name)
            break;
        offset += l.size;
    }
    return { atStart: offset === 0, offset };
}

;// CONCATENATED MODULE: ./src/rules/fg006-cleanup-references-object.ts








/**
 * FG006 cleanup-references-object: runtime.AddCleanup(ptr, cleanup, arg)
 * where arg is or reaches ptr, or cleanup is a closure or method value that
 * reaches ptr. The runtime keeps cleanup and arg alive until ptr is
 * collected, so ptr never is, and the cleanup never runs. Some of these the
 * runtime catches and panics at the call, depending on the release (measured,
 * docs/rules.md): arg == ptr since Go 1.24; arg pointing inside ptr's object,
 * and a cleanup whose own closure holds ptr, since Go 1.26. The rest leak
 * silently. Cycles among objects with cleanups are fine, unlike finalizers.
 */
const cleanupReferencesObject = {
    id: 'FG006',
    name: 'cleanup-references-object',
    severity: 'error',
    summary: 'The cleanup function or its argument keeps the object reachable, so the cleanup never runs (AddCleanup panics for some of these).',
    kinds: ['AddCleanup'],
    check(site) {
        const object = describeArgument(site, 0);
        for (const { objects, evaluation } of argumentObjects(site, 0)) {
            const state = evaluation.run.finalState;
            const argNode = site.args[2];
            const args = evaluation.argObjects[2] ?? [];
            const argIds = new Set(args.map((a) => a.id));
            // One search from each holder serves every object the first argument may be.
            const holders = [
                ...args.map((a) => ({ start: a, name: `arg ${inline(argNode)}` })),
                ...(evaluation.argObjects[1] ?? []).filter((o) => o.kind === 'closure').map((c) => ({ start: c, name: `cleanup ${nameOfFunction(site.args[1])}` })),
            ].map((holder) => ({ ...holder, pathTo: pathsFrom(state, holder.start) }));
            for (const target of objects) {
                if (argIds.has(target.id)) {
                    const pointer = isPointer(site, evaluation.argTypes[2]);
                    if (pointer && pointsAtStart(site, argNode)) {
                        return {
                            message: `the cleanup argument ${inline(argNode)} is ${object} itself; ${panicsSince(site.go, [1, 24], 'ptr is equal to arg')}`,
                            related: [],
                            fix: passUsedField(site),
                        };
                    }
                    const inside = `the cleanup argument ${inline(argNode)} ${pointer ? 'points into' : 'holds'} ${object}`;
                    // Inside a tiny block the runtime cannot tell the argument from a neighbour: no panic.
                    const panics = pointer && !isTiny(site, evaluation.argTypes[0]);
                    return { message: `${inside}; ${panics ? panicsSince(site.go, [1, 26], 'ptr is within arg') : leaks}`, related: [] };
                }
                for (const { start, name, pathTo } of holders) {
                    const path = pathTo(target);
                    if (!path)
                        continue;
                    const closesOver = start.kind === 'closure' && holdsDirectly(site, evaluation.scope, path);
                    return {
                        message: `the cleanup of ${object} keeps it reachable: ${renderPath(name, path)}; ${closesOver ? panicsSince(site.go, [1, 26], 'cleanup function closes over ptr') : leaks}`,
                        related: relatedAlong(path),
                    };
                }
            }
        }
        return undefined;
    },
};
const leaks = 'the runtime holds the cleanup and its argument until the object is collected, so it never is, the cleanup never runs and nothing says so';
/** What happens at the call on the release the code is analyzed for, and on later ones. */
function panicsSince(go, since, panic) {
    const message = `"runtime.AddCleanup: ${panic}, cleanup will never run"`;
    if (releaseAtLeast(go, since))
        return `AddCleanup panics at the call (${message}, since ${releaseName(since)})`;
    return `on ${releaseName(go)} the object is never collected and the cleanup silently never runs; from ${releaseName(since)} AddCleanup panics at the call (${message})`;
}
/** A pointer as the runtime's checks see it (a *T or unsafe.Pointer); a value the code does not show is taken for the pointer it holds. */
function isPointer(site, type) {
    const under = underlying(type ?? { kind: 'unknown' }, site.pkg);
    return under.kind === 'pointer' || under.kind === 'unknown' || (under.kind === 'basic' && under.name === 'unsafe.Pointer');
}
/** Whether the argument is the object's own address: a pointer to it, or `&p.f` of its first field (the same address). */
function pointsAtStart(site, arg) {
    let node = arg;
    while (node?.type === 'parenthesized_expression')
        node = node.namedChild(0);
    if (node?.type !== 'unary_expression' || node.child(0)?.type !== '&')
        return true;
    for (let operand = node.childForFieldName('operand'); operand?.type === 'selector_expression'; operand = operand.childForFieldName('operand')) {
        if (!fieldPosition(site, operand)?.atStart)
            return false;
    }
    return true;
}
/** A pointer-free object smaller than a tiny block, which the tiny allocator may share. */
function isTiny(site, type) {
    const pointee = type?.kind === 'pointer' ? layout(type.elem, site.pkg) : undefined;
    return !!pointee && !pointee.pointers && pointee.size < tinyAllocatorLimit;
}
/**
 * Whether the cleanup's own closure holds a pointer into the object, as the
 * runtime checks since Go 1.26: a method value bound to it, or a func literal
 * that captures it by value (a variable never assigned again, whose value the
 * closure copies; a struct or array value with its contents). A variable
 * assigned after the closure is made, or whose address is taken, is captured
 * by reference: the closure then holds the variable, not the object.
 */
function holdsDirectly(site, scope, path) {
    const first = path[0];
    if (first.via.startsWith('method value '))
        return path.length === 1;
    const captured = /^captures (\S+)$/.exec(first.via)?.[1];
    if (!captured || capturedByReference(first.node, captured))
        return false;
    if (path.length === 1)
        return true;
    const kind = underlying(scope.lookup(captured)?.type ?? { kind: 'unknown' }, site.pkg).kind;
    return path.length === 2 && (kind === 'struct' || kind === 'array');
}
/** Whether a func literal captures `name` by reference: it is assigned in or after the literal, or its address is taken. */
function capturedByReference(literal, name) {
    let body = literal.parent;
    while (body && !['function_declaration', 'method_declaration', 'func_literal'].includes(body.type))
        body = body.parent;
    if (!body)
        return false;
    for (const node of body.descendantsOfType(['assignment_statement', 'inc_statement', 'dec_statement', 'unary_expression'])) {
        if (!node)
            continue;
        if (node.type === 'unary_expression') {
            if (node.child(0)?.type === '&' && node.childForFieldName('operand')?.text === name)
                return true;
            continue;
        }
        if (node.endIndex <= literal.startIndex)
            continue;
        const left = node.type === 'assignment_statement' ? node.childForFieldName('left') : node.namedChild(0);
        const targets = left?.type === 'expression_list' ? left.namedChildren : [left];
        if (targets.some((t) => t?.type === 'identifier' && t.text === name))
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/rules/fg008-finalizer-already-set.ts



/**
 * FG008 finalizer-already-set: SetFinalizer(x, f) with a non-nil f on an
 * object whose finalizer an earlier call set, with no SetFinalizer(x, nil)
 * in between, where every path that reaches this call ran the earlier one.
 * An object has at most one finalizer: the runtime throws "finalizer already
 * set" and the program dies (recover cannot catch it).
 */
const finalizerAlreadySet = {
    id: 'FG008',
    name: 'finalizer-already-set',
    severity: 'error',
    summary: 'The object already has a finalizer from an earlier call; the program dies at this one.',
    kinds: ['SetFinalizer'],
    fatal: true,
    check(site) {
        for (const second of site.evaluations) {
            const object = surelyFinalizedObject(second);
            if (!object)
                continue;
            const first = second.run.sites.find((e) => e.order < second.order && surelyFinalizedObject(e) === object && runsBefore(e, second) && !removedBetween(e, second, object));
            if (!first)
                continue;
            return {
                message: `${describeArgument(site, 0)} already has a finalizer: ${firstLine(first.call.text)} runs before this call on every path to it, ` +
                    `and nothing removes it in between; runtime.SetFinalizer throws "finalizer already set" and the program dies (recover cannot catch it)`,
                related: firstSetAlong(first, second),
            };
        }
        return undefined;
    },
};
/** The one object a call surely sets a (non-nil) finalizer on, if the code shows it. */
function surelyFinalizedObject(evaluation) {
    if (evaluation.kind !== 'SetFinalizer' || removesFinalizer(evaluation) || !surelyFunction(evaluation))
        return undefined;
    const objects = evaluation.argObjects[0] ?? [];
    const object = objects.length === 1 ? objects[0] : undefined;
    // Objects made or passed here keep their identity; a field read may name another object after any call.
    return object && (object.kind === 'alloc' || object.kind === 'param') ? object : undefined;
}
/** A finalizer that is not nil: not the literal nil, nor a variable the code never gave a value. */
function surelyFunction(evaluation) {
    const finalizer = evaluation.args[1];
    if (!finalizer || finalizer.type === 'nil')
        return false;
    const variable = finalizer.type === 'identifier' ? evaluation.scope.lookup(finalizer.text) : undefined;
    return !variable || variable.global || (evaluation.argObjects[1] ?? []).length > 0;
}
/**
 * Whether every path to `later` ran `earlier` first: met before it, in the
 * same or an enclosing branch, and not the same call met again on a loop's
 * next iteration.
 */
function runsBefore(earlier, later) {
    if (earlier.call.id === later.call.id && earlier.context === later.context)
        return false;
    return earlier.regions.length <= later.regions.length && earlier.regions.every((region, i) => later.regions[i] === region);
}
/** A removal of the object's finalizer between the two calls, or a call not followed that was handed the object. */
function removedBetween(earlier, later, object) {
    const run = later.run;
    const removal = run.sites.some((e) => e.order > earlier.order && e.order < later.order && removesFinalizer(e) && (e.argObjects[0] ?? []).some((o) => o.id === object.id));
    // An unfollowed call is recorded with the order of the next call met after it.
    const handedOver = run.unfollowed.some((u) => u.order > earlier.order && u.order <= later.order && u.objects.some((o) => o.id === object.id || findPath(run.finalState, o, object) !== undefined));
    return removal || handedOver;
}
/** The first call, and the calls that led to it where they differ from the way to the second. */
function firstSetAlong(first, second) {
    let shared = 0;
    while (shared < first.chain.length && first.chain[shared]?.call.id === second.chain[shared]?.call.id)
        shared++;
    const related = first.chain.slice(shared).map((place) => ({ node: place.call, file: place.file, message: `calls ${firstLine(place.call.text)}` }));
    related.push({ node: first.call, file: first.file, message: `the finalizer is first set here: ${firstLine(first.call.text)}` });
    return related;
}

;// CONCATENATED MODULE: ./src/fix/keep-alive.ts



/** Statements after which control goes on to the next statement of the block. */
const simpleStatements = new Set(['expression_statement', 'assignment_statement', 'short_var_declaration', 'inc_statement', 'dec_statement', 'send_statement', 'var_declaration']);
/**
 * `runtime.KeepAlive(x)` on the line after the statement that makes the call,
 * as the runtime's documentation shows; a `return` gets a
 * `defer runtime.KeepAlive(x)` just before it, which runs once the returned
 * values are computed. Offered when the statement stands alone on its lines
 * in a block, and the file can name the runtime package (imported, or
 * importable without clashing with a name the function uses).
 */
function keepAliveAfter(file, statement, variable) {
    const line = lineOf(file, statement);
    const rest = file.source.slice(statement.endIndex, line.end).trim();
    if (statement.parent?.type !== 'statement_list' || line.indent === undefined || (rest && !rest.startsWith('//')))
        return undefined;
    const runtime = runtimeName(file, statement);
    if (!runtime)
        return undefined;
    const edits = runtime.importEdit ? [runtime.importEdit] : [];
    const keepAlive = `${runtime.name}.KeepAlive(${variable})`;
    if (statement.type === 'return_statement')
        edits.push(insertAt(file, statement.startIndex, `defer ${keepAlive}\n${line.indent}`));
    else if (simpleStatements.has(statement.type))
        edits.push(insertAt(file, line.end, `\n${line.indent}${keepAlive}`));
    else
        return undefined;
    return offered(file, `keep ${variable} alive until the call returns: ${keepAlive}`, edits);
}
/** The name the file imports the runtime package as, or `runtime` with the edit that imports it. */
function runtimeName(file, at) {
    const imported = [...file.imports].find(([, path]) => path === 'runtime')?.[0];
    if (imported === '_' || imported === '.' || file.dotImports.length)
        return undefined;
    const name = imported ?? 'runtime';
    // A local of that name would shadow the package in the function.
    const fn = source_enclosingFunction(at);
    if (!fn || identifiersNamed(fn, name).some((id) => !isSelected(id)))
        return undefined;
    if (imported)
        return { name };
    const importEdit = importRuntime(file);
    return importEdit && { name, importEdit };
}
/**
 * `"runtime"` where gofmt keeps it: in sorted place in the first run (up to
 * a blank line) of the first parenthesized import list; or a single import
 * other than cgo's becomes a list of it and "runtime"; or a declaration of
 * its own after the imports (or the package clause). A list with comments is
 * left alone: gofmt moves comments with the specs it sorts.
 */
function importRuntime(file) {
    const root = file.tree.rootNode;
    const declarations = root.namedChildren.filter((n) => n?.type === 'import_declaration');
    const path = (spec) => spec.childForFieldName('path')?.text.slice(1, -1) ?? '';
    const list = declarations.map((d) => d.namedChildren.find((c) => c?.type === 'import_spec_list')).find((l) => !!l);
    if (list) {
        const specs = list.namedChildren.filter((c) => c?.type === 'import_spec');
        if (!specs.length || list.namedChildren.some((c) => c?.type === 'comment'))
            return undefined;
        const gap = specs.findIndex((spec, i) => i > 0 && spec.startPosition.row - specs[i - 1].endPosition.row > 1);
        const run = gap < 0 ? specs : specs.slice(0, gap);
        const next = run.find((spec) => path(spec) > 'runtime');
        const line = lineOf(file, next ?? run.at(-1));
        if (line.indent === undefined)
            return undefined;
        return next ? insertAt(file, line.start, `${line.indent}"runtime"\n`) : insertAt(file, line.end, `\n${line.indent}"runtime"`);
    }
    const single = [...declarations].reverse().find((d) => d.namedChildren[0]?.type === 'import_spec' && path(d.namedChildren[0]) !== 'C');
    if (single) {
        const spec = single.namedChildren[0];
        const specs = path(spec) < 'runtime' ? [spec.text, '"runtime"'] : ['"runtime"', spec.text];
        return { file, start: single.startIndex, end: single.endIndex, text: `import (\n${specs.map((s) => `\t${s}\n`).join('')})` };
    }
    const last = declarations.at(-1) ?? root.namedChildren.find((n) => n?.type === 'package_clause');
    return last ? insertAt(file, last.endIndex, '\n\nimport "runtime"') : undefined;
}
/** The line a node starts on, where it ends (before its newline), and its indentation when the node is the first thing on it. */
function lineOf(file, node) {
    const start = file.source.lastIndexOf('\n', node.startIndex - 1) + 1;
    const newline = file.source.indexOf('\n', node.endIndex);
    const indent = file.source.slice(start, node.startIndex);
    return { start, end: newline < 0 ? file.source.length : newline, indent: /\S/.test(indent) ? undefined : indent };
}

;// CONCATENATED MODULE: ./src/rules/fg009-finalizer-may-run-early.ts








/**
 * FG009 finalizer-may-run-early: an object's finalizer or cleanup releases a
 * resource held in one of its fields, and a function hands that field's
 * value to a call that cannot keep the object alive (cgo, syscall, or a
 * parameter of type uintptr, unsafe.Pointer or a C type), then never uses the
 * object again. Liveness is precise: once the field is read the object may
 * be unreachable, so the finalizer can run, and release the resource, while
 * the call still uses it. runtime.KeepAlive(x) after the call is the fix.
 * Also: a method promoted from an embedded field that the finalizer
 * releases runs on that field's value, so nothing keeps the wrapper alive.
 * And: a finalizer (or cleanup) set on an object that nothing keeps once the
 * function that made it returns, while what the finalizer acts on is kept:
 * it runs at the next collection and releases what is still in use.
 */
const finalizerMayRunEarly = {
    id: 'FG009',
    name: 'finalizer-may-run-early',
    severity: 'warning',
    summary: 'The finalizer may release a resource while a call still uses it: the object is not kept alive during the call.',
    checkPackage(pkg, sites, reportsIn) {
        const unkept = sites.flatMap((site) => (reportsIn(site.file) ? (unkeptObject(site) ?? []) : []));
        const code = new Code(pkg);
        code.learnCTypes();
        const released = releasedFields(code, sites);
        if (!released.size)
            return unkept;
        const names = [...released.keys()];
        pkg.load((file) => names.some((name) => file.text.includes(name)));
        code.learnCTypes();
        const reports = [];
        const finalizers = new Set([...released.values()].flatMap((fields) => [...fields.values()].map((r) => r.finalizer.body.id)));
        for (const decl of pkg.functions) {
            if (!decl.body || !reportsIn(decl.file) || finalizers.has(decl.body.id))
                continue;
            for (const variable of objectVariables(decl, pkg, released))
                reports.push(...earlyCalls(decl, code, variable, released.get(variable.typeName)));
        }
        return [...unkept, ...reports];
    },
};
/** Calls whose callee runs outside Go's view of the object's liveness. */
const systemPackages = new Set(['syscall', 'golang.org/x/sys/unix', 'golang.org/x/sys/windows']);
/** Names of functions and methods that give a resource back: close, free, release, destroy, ... */
const releasing = /^(close|free|release|destroy|delete|dispose|unref|unmap|munmap|finalize|dealloc|drop|shutdown|cleanup)/i;
function releasedFields(code, sites) {
    const released = new Map();
    const add = (typeName, field, release) => {
        const fields = released.get(typeName) ?? new Map();
        if (!fields.has(field))
            fields.set(field, release);
        released.set(typeName, fields);
    };
    for (const site of sites) {
        const typeName = finalizedTypeName(site);
        const finalizer = typeName && finalizerBody(site);
        if (!typeName || !finalizer)
            continue;
        if (site.kind === 'AddCleanup') {
            // The cleanup is handed `arg`: a field of the object passed as arg is what the cleanup releases.
            const field = code.fieldOf(site.args[2], site.args[0]?.text);
            if (field && callsWith(finalizer.body, finalizer.param))
                add(typeName, field, { site, finalizer, call: site.call, file: site.file });
            continue;
        }
        for (const { field, call, file } of releasesIn(code, typeName, finalizer.body, finalizer.param, finalizer.file, 0))
            add(typeName, field, { site, finalizer, call, file });
    }
    return released;
}
/** The package type T when the call attaches to a *T. */
function finalizedTypeName(site) {
    const type = site.evaluations[0]?.argTypes[0];
    const elem = type?.kind === 'pointer' ? type.elem : undefined;
    return elem?.kind === 'named' && !elem.importPath && site.pkg.types.has(elem.name) ? elem.name : undefined;
}
/** The finalizer's parameter and body: a func literal, a function of the package, or a method expression `(*T).m`. */
function finalizerBody(site) {
    const node = site.args[1];
    if (node?.type === 'func_literal') {
        const param = firstParamName(node);
        const body = node.childForFieldName('body');
        return param && body ? { param, body, file: site.file } : undefined;
    }
    const decl = declOf(site, node);
    const param = decl?.receiver ? decl.receiver.name : decl?.params[0]?.name;
    return decl?.body && param ? { param, body: decl.body, file: decl.file } : undefined;
}
function firstParamName(literal) {
    return literal.childForFieldName('parameters')?.namedChildren.find((c) => c?.type === 'parameter_declaration')?.childForFieldName('name')?.text;
}
function declOf(site, node) {
    if (node?.type === 'identifier')
        return site.evaluations[0]?.scope.lookup(node.text) ? undefined : site.pkg.funcs.get(node.text);
    if (node?.type !== 'selector_expression')
        return undefined;
    // A method expression: (*T).m or T.m.
    const operand = node.childForFieldName('operand')?.text.replace(/[()*\s]/g, '');
    const method = operand ? methodsOf(site.pkg, operand)?.get(node.childForFieldName('field')?.text ?? '') : undefined;
    return method && /^\(?\s*\*?\s*\w+\s*\)?$/.test(node.childForFieldName('operand').text) && !site.evaluations[0]?.scope.lookup(operand) ? method : undefined;
}
/** How far the finalizer's own method calls on the object are followed (`f.Close()` calling `C.free(f.p)`). */
const methodDepth = 2;
/** The fields of `param` (a T) that a body releases: passed to a releasing call or cgo, or closed themselves. */
function releasesIn(code, typeName, body, param, file, depth) {
    const found = [];
    const copies = copiesBefore(code.localCopies(body, param), body.endIndex);
    for (const call of calls(body)) {
        const callee = call.childForFieldName('function');
        if (!callee)
            continue;
        const name = callee.type === 'selector_expression' ? (callee.childForFieldName('field')?.text ?? '') : callee.text;
        const operand = callee.type === 'selector_expression' ? callee.childForFieldName('operand') : null;
        // x.f.Close(), x.f.Release()
        const closedField = operand ? code.fieldOf(operand, param) : undefined;
        if (closedField && releasing.test(name))
            found.push({ field: closedField, call, file });
        // free(x.f), C.git_free(x.f), syscall.Close(x.fd), p := x.f; C.free(p)
        if (releasing.test(name) || code.isCgoCall(callee, file)) {
            for (const arg of argumentsOf(call)) {
                const field = code.derivedField(arg, param, copies);
                if (field)
                    found.push({ field, call, file });
            }
        }
        // x.Close(), where the package's Close releases the fields.
        if (operand?.type === 'identifier' && operand.text === param && depth < methodDepth) {
            const method = methodsOf(code.pkg, typeName)?.get(name);
            const receiver = method?.receiver?.name;
            if (method?.body && receiver)
                found.push(...releasesIn(code, typeName, method.body, receiver, method.file, depth + 1));
        }
    }
    return found;
}
/** Whether the body passes `param` to some call: a cleanup that gives its argument back to something. */
function callsWith(body, param) {
    return calls(body).some((call) => argumentsOf(call).some((arg) => fg009_finalizer_may_run_early_identifiers(arg).some((id) => id.text === param)) || call.childForFieldName('function')?.childForFieldName('operand')?.text === param);
}
/** Go integer and handle types, unsafe.Pointer, and cgo's own numeric types, as a conversion names them. */
const conversionTypes = /^(u?int(8|16|32|64|ptr)?|unsafe\.Pointer|syscall\.Handle|windows\.Handle|C\.(u?char|schar|u?short|u?int|u?long|u?longlong|float|double|size_t|ssize_t|u?int(8|16|32|64)_t|uintptr_t|(struct|union|enum)_\w+))$/;
/**
 * Reads the package's code as written. `C.name(x)` is a call into C or a
 * conversion to a C type, which the syntax cannot tell apart: a name the
 * package writes as a type anywhere (`var p *C.git_oid`, `C.gpointer` in a
 * signature) is a type.
 */
class Code {
    pkg;
    cTypes = new Set();
    read = new Set();
    constructor(pkg) {
        this.pkg = pkg;
    }
    /** Collects the C names the package's files read so far use as types. */
    learnCTypes() {
        for (const file of this.pkg.files) {
            if (this.read.has(file) || file.imports.get('C') !== 'C')
                continue;
            this.read.add(file);
            for (const name of qualifiedTypesIn(file))
                if (name.startsWith('C.'))
                    this.cTypes.add(name);
        }
    }
    isCgoCall(callee, file) {
        return callee.type === 'selector_expression' && callee.childForFieldName('operand')?.text === 'C' && file.imports.get('C') === 'C' && !this.cTypes.has(callee.text);
    }
    isConversion(call) {
        const callee = call.childForFieldName('function');
        if (argumentsOf(call).length !== 1 || !callee)
            return false;
        // (*T)(x), (*C.char)(x)
        if (callee.type === 'parenthesized_expression')
            return /^\(\s*\*/.test(callee.text);
        return conversionTypes.test(callee.text) || this.cTypes.has(callee.text);
    }
    /**
     * Parentheses and conversions taken off: `uintptr(x.fd)`, `C.int(x.fd)`,
     * `unsafe.Pointer(x.p)`. `throughC`: also one-argument C calls, as in an
     * argument of another C call, where a C typedef the package never names as
     * a type converts (`C.gconstpointer(x.p)`).
     */
    unwrap(node, throughC = false) {
        let inner = node;
        for (;;) {
            if (inner.type === 'parenthesized_expression' && inner.namedChild(0))
                inner = inner.namedChild(0);
            else if (inner.type === 'call_expression' && (this.isConversion(inner) || (throughC && this.isOneArgumentCCall(inner))))
                inner = argumentsOf(inner)[0];
            else
                return inner;
        }
    }
    isOneArgumentCCall(call) {
        const callee = call.childForFieldName('function');
        return argumentsOf(call).length === 1 && callee?.type === 'selector_expression' && callee.childForFieldName('operand')?.text === 'C';
    }
    /** A one-argument C call that is itself an argument of a C call: read as a conversion for that call (see unwrap). */
    convertedForCall(call) {
        if (!this.isOneArgumentCCall(call))
            return false;
        let node = call;
        while (node.parent && (node.parent.type === 'parenthesized_expression' || (node.parent.type === 'call_expression' && this.isConversion(node.parent))))
            node = node.parent;
        const outer = node.parent?.type === 'argument_list' ? node.parent.parent : null;
        const callee = outer?.childForFieldName('function');
        return !!callee && callee.type === 'selector_expression' && callee.childForFieldName('operand')?.text === 'C';
    }
    /** The variable and the locals the body gives a value that holds it: `it := &Iter{cfg: c}`, `t.env = env`. */
    holding(body, variable) {
        const holders = new Set([variable]);
        for (const statement of body.descendantsOfType(['short_var_declaration', 'assignment_statement'])) {
            const left = statement?.childForFieldName('left')?.namedChildren ?? [];
            const right = statement?.childForFieldName('right')?.namedChildren ?? [];
            left.forEach((target, i) => {
                const value = right[i];
                if (!target || !value || !this.keepsAlive([value], variable))
                    return;
                const holder = target.type === 'identifier' ? target.text : rootIdentifier(target);
                if (holder && holder !== '_')
                    holders.add(holder);
            });
        }
        return holders;
    }
    /** `x.f` (or `x.f.g`, `x.f[i]`) as written, for the variable x: the field f. */
    fieldOf(node, variable) {
        let inner = node ? this.unwrap(node) : undefined;
        while (inner) {
            if (inner.type === 'selector_expression') {
                const operand = inner.childForFieldName('operand');
                if (operand?.type === 'identifier' && operand.text === variable)
                    return inner.childForFieldName('field')?.text;
                inner = operand ? this.unwrap(operand) : undefined;
            }
            else if (inner.type === 'index_expression') {
                const operand = inner.childForFieldName('operand');
                inner = operand ? this.unwrap(operand) : undefined;
            }
            else
                return undefined;
        }
        return undefined;
    }
    /**
     * A value the argument carries that came out of a field of `variable`
     * without pointing into the object: the field itself, converted, a method
     * result of it (`x.f.Fd()`), or a local copy made earlier. Addresses (`&x.f`)
     * point into the object and keep it alive.
     */
    derivedField(arg, variable, copies, throughC = false) {
        const inner = this.unwrap(arg, throughC);
        if (inner.type === 'identifier')
            return copies.get(inner.text);
        if (inner.type === 'call_expression') {
            const callee = inner.childForFieldName('function');
            const operand = callee?.type === 'selector_expression' ? callee.childForFieldName('operand') : null;
            return operand && !argumentsOf(inner).length ? this.fieldOf(operand, variable) : undefined;
        }
        return this.fieldOf(inner, variable);
    }
    /** Locals given a field's value, in the order the body assigns them: `fd := x.fd`, `p := unsafe.Pointer(x.p)`. */
    localCopies(body, variable) {
        const copies = [];
        for (const statement of body.descendantsOfType(['short_var_declaration', 'assignment_statement'])) {
            const left = statement?.childForFieldName('left')?.namedChildren ?? [];
            const right = statement?.childForFieldName('right')?.namedChildren ?? [];
            if (left.length !== right.length)
                continue;
            left.forEach((target, i) => {
                const field = target?.type === 'identifier' && right[i] ? this.derivedField(right[i], variable, new Map()) : undefined;
                if (field)
                    copies.push({ name: target.text, field, at: statement.startIndex });
            });
        }
        return copies;
    }
    /**
     * The arguments through which the callee cannot keep an object alive: all of
     * a cgo or system call's, and those a function of the package takes as
     * uintptr, unsafe.Pointer or a C type.
     */
    blindArguments(callee, args, file) {
        if (this.isCgoCall(callee, file))
            return args;
        if (callee.type === 'selector_expression') {
            const operand = callee.childForFieldName('operand');
            const path = operand?.type === 'identifier' ? file.imports.get(operand.text) : undefined;
            return path && systemPackages.has(path) ? args : [];
        }
        const decl = callee.type === 'identifier' && !this.pkg.types.has(callee.text) ? this.pkg.funcs.get(callee.text) : undefined;
        if (!decl?.params.length)
            return [];
        const blind = (p) => /^(uintptr|unsafe\.Pointer|\*?C\.\w+)$/.test(p.typeNode.text);
        // Parameters sharing a type (`a, b uintptr`) are one ParamDecl each; a variadic one takes the rest.
        return args.filter((_, i) => {
            const param = decl.params[Math.min(i, decl.params.length - 1)];
            return blind(param) && (i < decl.params.length || param.variadic);
        });
    }
    /**
     * An argument that is the object itself, points into it (`&x.buf[0]`), or
     * hands it to other code (`newHandle(x, cb)`): cgo keeps Go pointers alive
     * for the call, and what the other code does with x is not seen.
     */
    keepsAlive(args, variable) {
        return args.some((arg) => fg009_finalizer_may_run_early_identifiers(arg).some((id) => {
            if (id.text !== variable)
                return false;
            const parent = id.parent;
            if (parent?.type !== 'selector_expression' || parent.childForFieldName('operand')?.id !== id.id)
                return true;
            // x.f: the object only when its address is taken.
            return arg.descendantsOfType('unary_expression').some((u) => u?.child(0)?.type === '&' && rootIdentifier(u.childForFieldName('operand')) === variable);
        }));
    }
}
function objectVariables(decl, pkg, released) {
    const found = [];
    const pointerTo = (type) => (type.kind === 'pointer' && type.elem.kind === 'named' && !type.elem.importPath && released.has(type.elem.name) ? type.elem.name : undefined);
    if (decl.receiver?.pointer && decl.receiver.name && released.has(decl.receiver.typeName))
        found.push({ name: decl.receiver.name, typeName: decl.receiver.typeName, from: 'receiver' });
    decl.params.forEach((param, index) => {
        const typeName = param.name ? pointerTo(typeWritten(param.typeNode, decl.file)) : undefined;
        if (typeName)
            found.push({ name: param.name, typeName, from: index });
    });
    for (const statement of decl.body.descendantsOfType('short_var_declaration')) {
        const left = statement?.childForFieldName('left')?.namedChildren ?? [];
        const right = statement?.childForFieldName('right')?.namedChildren ?? [];
        const target = left[0];
        const value = right[0];
        if (!target || !value || target.type !== 'identifier')
            continue;
        const typeName = madeAs(value, pkg, released);
        if (typeName)
            found.push({ name: target.text, typeName, from: 'local' });
    }
    return found;
}
/** `&T{...}` or a call of a package function whose first result is *T: the T. */
function madeAs(value, pkg, released) {
    if (value.type === 'unary_expression' && value.child(0)?.type === '&') {
        const literal = value.childForFieldName('operand');
        const type = literal?.type === 'composite_literal' ? literal.childForFieldName('type')?.text : undefined;
        return type && released.has(type) ? type : undefined;
    }
    if (value.type !== 'call_expression')
        return undefined;
    const callee = value.childForFieldName('function');
    const decl = callee?.type === 'identifier' ? pkg.funcs.get(callee.text) : undefined;
    const result = decl?.results[0];
    const type = result ? typeWritten(result.typeNode, decl.file) : undefined;
    return type?.kind === 'pointer' && type.elem.kind === 'named' && !type.elem.importPath && released.has(type.elem.name) ? type.elem.name : undefined;
}
/** What each local holds of the object's fields at `until`: the last copy made before it. */
function copiesBefore(copies, until) {
    return new Map(copies.filter((copy) => copy.at < until).map((copy) => [copy.name, copy.field]));
}
/** The calls of one function that may run while its object's finalizer releases what they were given. */
function earlyCalls(decl, code, variable, fields) {
    const body = decl.body;
    const reports = [];
    const holders = code.holding(body, variable.name);
    const uses = usesOf(body, holders);
    // Read once, and only for a function with a call that may be blind to the object.
    let copies;
    // A closure or a deferred call may use the object at any later time.
    if (uses.some((id) => enclosing(id, body, ['func_literal', 'defer_statement'])))
        return [];
    for (const call of calls(body)) {
        const callee = call.childForFieldName('function');
        if (!callee || enclosing(call, body, ['func_literal']) || code.convertedForCall(call))
            continue;
        const given = argumentsOf(call);
        const blind = code.blindArguments(callee, given, decl.file);
        const early = blind.length ? releasedArgument(code, blind, variable.name, fields, copiesBefore((copies ??= code.localCopies(body, variable.name)), call.startIndex)) : promotedCall(callee, variable, code.pkg, fields);
        if (!early || [...holders].some((holder) => code.keepsAlive(given, holder)) || usedAfter(call, body, uses))
            continue;
        if (finalizerRemovedBefore(call, body, variable.name, decl.file) || callersKeepAlive(decl, code, variable))
            continue;
        reports.push(report(call, statementOf(call, body), decl.file, variable, early));
    }
    return reports;
}
/** The identifiers of the names (a variable and the locals holding it, see Code.holding), other than parameters of func literals that share a name. */
function usesOf(body, names) {
    return fg009_finalizer_may_run_early_identifiers(body).filter((id) => names.has(id.text) && !declaredByLiteral(id, body, id.text));
}
/**
 * For an unexported function or method, whose every call is in the package:
 * whether each call's caller uses what it passed for the object after the
 * call, which keeps the object alive throughout. A function also used as a
 * value may be called from anywhere.
 */
function callersKeepAlive(decl, code, variable) {
    if (variable.from === 'local' || !/^[a-z_]/.test(decl.name))
        return false;
    const name = decl.name;
    code.pkg.load((file) => file.text.includes(name));
    let sites = 0;
    for (const caller of code.pkg.functions) {
        if (!caller.body || caller === decl)
            continue;
        for (const id of caller.body.descendantsOfType(decl.receiver ? 'field_identifier' : 'identifier')) {
            if (id?.text !== name)
                continue;
            const selector = decl.receiver ? id.parent : id;
            const call = selector?.parent;
            if (call?.type !== 'call_expression' || call.childForFieldName('function')?.id !== selector.id)
                return false;
            sites++;
            const passed = variable.from === 'receiver' ? selector.childForFieldName('operand') : argumentsOf(call)[variable.from];
            if (passed?.type !== 'identifier')
                return false;
            const uses = usesOf(caller.body, code.holding(caller.body, passed.text));
            const kept = uses.some((use) => enclosing(use, caller.body, ['func_literal', 'defer_statement'])) || usedAfter(call, caller.body, uses);
            if (!kept)
                return false;
        }
    }
    return sites > 0;
}
function releasedArgument(code, args, variable, fields, copies) {
    for (const arg of args) {
        const field = code.derivedField(arg, variable, copies, true);
        const release = field ? fields.get(field) : undefined;
        if (release)
            return { field: field, release };
    }
    return undefined;
}
/** `x.M(...)` where M is promoted from an embedded pointer field the finalizer releases. */
function promotedCall(callee, variable, pkg, fields) {
    if (callee.type !== 'selector_expression' || callee.childForFieldName('operand')?.text !== variable.name)
        return undefined;
    const method = callee.childForFieldName('field')?.text ?? '';
    if (methodsOf(pkg, variable.typeName)?.has(method))
        return undefined;
    const decl = pkg.types.get(variable.typeName);
    const struct = decl && underlying(typeWritten(decl.typeNode, decl.file), pkg);
    if (struct?.kind !== 'struct' || struct.fields.some((f) => f.name === method))
        return undefined;
    const embedded = struct.fields.filter((f) => f.embedded);
    const only = embedded.length === 1 ? embedded[0] : undefined;
    const release = only ? fields.get(only.name) : undefined;
    // Only through a pointer or interface does the method run on another object than the wrapper.
    const elsewhere = only && (only.type.kind === 'pointer' || underlying(only.type, pkg).kind === 'interface');
    return release && elsewhere ? { field: only.name, release, promoted: method } : undefined;
}
/** The variable an operand of selectors and indexes starts from: `x` of `x.buf[0].y`. */
function rootIdentifier(node) {
    let inner = node;
    while (inner && ['selector_expression', 'index_expression', 'parenthesized_expression'].includes(inner.type)) {
        inner = inner.type === 'parenthesized_expression' ? inner.namedChild(0) : inner.childForFieldName('operand');
    }
    return inner?.type === 'identifier' ? inner.text : undefined;
}
/**
 * A use of the object after the call: elsewhere in the statement that makes
 * the call (`x.n = C.f(x.p)` stores into x once the call returns), anywhere
 * in a loop around it (the next iteration), or in code that can run next:
 * the statements after it in its block, then after each statement around it,
 * up to the first return. A branch that returns ends its path there, so text
 * further down, and the other branches of the same `if` or `switch`, are
 * other paths. A `goto` may lead anywhere: then any later text counts.
 */
function usedAfter(call, body, uses) {
    const statement = statementOf(call, body);
    const inCall = (id) => id.startIndex >= call.startIndex && id.endIndex <= call.endIndex;
    const usedIn = (node) => uses.some((id) => !inCall(id) && id.startIndex >= node.startIndex && id.endIndex <= node.endIndex);
    const loop = enclosing(call, body, ['for_statement']);
    // The next time round a loop reads the object again, the call's own arguments included.
    if (loop && uses.some((id) => id.startIndex >= loop.startIndex && id.endIndex <= loop.endIndex))
        return true;
    if (body.descendantsOfType('goto_statement').length)
        return uses.some((id) => !inCall(id) && id.startIndex >= statement.startIndex);
    if (usedIn(statement))
        return true;
    if (statement.type === 'return_statement')
        return false;
    for (let node = statement; node && node.id !== body.id; node = node.parent) {
        const parent = node.parent;
        const caseClause = caseClauses.includes(node.type);
        // Only statements of a list run after one another; cases after this one run only through a fallthrough.
        if (parent?.type !== 'block' && parent?.type !== 'statement_list' && !(caseClause && parent?.descendantsOfType('fallthrough_statement').length))
            continue;
        for (let next = node.nextNamedSibling; next; next = next.nextNamedSibling) {
            if (usedIn(next))
                return true;
            if (next.type === 'return_statement')
                return false;
        }
    }
    return false;
}
const caseClauses = ['expression_case', 'type_case', 'default_case', 'communication_case'];
function finalizerRemovedBefore(call, body, variable, file) {
    return calls(body).some((c) => {
        if (c.startIndex >= call.startIndex || runtimeHookNamed(c.childForFieldName('function'), file) !== 'SetFinalizer')
            return false;
        const [object, finalizer] = argumentsOf(c);
        return object?.text === variable && finalizer?.type === 'nil';
    });
}
function report(call, statement, file, variable, early) {
    const { release, field } = early;
    const noun = release.site.kind === 'AddCleanup' ? 'cleanup' : 'finalizer';
    const x = variable.name;
    const what = early.promoted
        ? `${x}.${early.promoted} is promoted from the embedded field ${x}.${field}: the call runs on ${x}.${field}, and nothing uses ${x} after it`
        : `${inline(call.childForFieldName('function'))} is given ${x}.${field} but not ${x}, and ${x} is not used after the call`;
    const related = [
        { node: release.site.call, file: release.site.file, message: `${noun} set here: ${firstLine(release.site.call.text)}` },
    ];
    if (release.call !== release.site.call)
        related.push({ node: release.call, file: release.file, message: `the ${noun} releases the field ${field}: ${firstLine(release.call.text)}` });
    return {
        node: call,
        file,
        message: `${what}: ${x} (*${variable.typeName}) may become unreachable while the call runs, and its ${noun} releases ${x}.${field} then; ` +
            `add runtime.KeepAlive(${x}) after the call`,
        related,
        fix: keepAliveAfter(file, statement, x),
    };
}
function calls(node) {
    return node.descendantsOfType('call_expression').filter((c) => !!c);
}
function fg009_finalizer_may_run_early_identifiers(node) {
    return node.descendantsOfType('identifier').filter((c) => !!c);
}
/** Whether a func literal around the identifier declares a parameter of that name (`func(p *File) {...}`): another variable. */
function declaredByLiteral(id, body, name) {
    for (let p = id.parent; p && p.id !== body.id; p = p.parent) {
        if (p.type === 'func_literal' && fg009_finalizer_may_run_early_identifiers(p.childForFieldName('parameters')).some((n) => n.text === name))
            return true;
    }
    return false;
}
/** The nearest ancestor of one of the types, below `top`. */
function enclosing(node, top, types) {
    for (let p = node.parent; p && p.id !== top.id; p = p.parent)
        if (types.includes(p.type))
            return p;
    return undefined;
}
/** The statement of the body's blocks that holds the node. */
function statementOf(node, body) {
    let inner = node;
    for (let p = node.parent; p && p.id !== body.id; p = p.parent) {
        if (p.type === 'block' || p.type === 'statement_list')
            return inner;
        inner = p;
    }
    return inner;
}
/**
 * A finalizer or cleanup set on an object that the function making it lets
 * go of, while what the finalizer or cleanup is handed leads to an object
 * the function made and that outlives it (returned, stored, handed on): the
 * next collection runs it, on what is still in use. The function's own run
 * as an entry point decides: its callers can reach only what outlives it.
 * Nothing that does may reach the object (a call not followed may keep what
 * it is given), the run was analyzed to its end, and the function does not
 * use the object after the call. A finalizer that sets itself again is a
 * collection hook, not a release.
 */
function unkeptObject(site) {
    const arg = site.args[0];
    const evaluation = site.evaluations[0];
    if (!arg || !evaluation || removesFinalizer(evaluation))
        return undefined;
    const finalizer = site.kind === 'SetFinalizer' ? finalizerBody(site) : undefined;
    if (site.kind === 'SetFinalizer' && (!finalizer || setsItselfAgain(finalizer)))
        return undefined;
    const body = fg009_finalizer_may_run_early_enclosingFunction(site.call);
    if (!body || !(arg.type === 'identifier' || (arg.type === 'unary_expression' && arg.childForFieldName('operand')?.type === 'composite_literal')))
        return undefined;
    if (arg.type === 'identifier' && usedAfter(site.call, body, usesOf(body, new Set([arg.text]))))
        return undefined;
    let shown;
    const own = site.evaluations.filter((e) => e.run.root.body?.id === body.id);
    for (const e of own) {
        const run = e.run;
        const objects = e.argObjects[0] ?? [];
        if (!run.outliving || !objects.length || site.interpreter.bounds.some((b) => b.root === run.root))
            return undefined;
        // Made here: by the function that sets the finalizer, in this run.
        if (objects.some((o) => o.kind !== 'alloc' || o.file !== site.file || o.node.startIndex < body.startIndex || o.node.endIndex > body.endIndex))
            return undefined;
        const kept = reachableFrom(run.finalState, run.outliving);
        if (!kept || objects.some((o) => kept.has(o.id)))
            return undefined;
        const madeAndKept = (o) => o.kind === 'alloc' && kept.has(o.id);
        const handed = site.kind === 'AddCleanup' ? (e.argObjects[2] ?? []) : objects;
        let found;
        for (const start of handed) {
            if (site.kind === 'AddCleanup' && madeAndKept(start))
                found = { path: [], kept: start, object: objects[0] };
            const path = found ? undefined : pathToFirst(run.finalState, start, madeAndKept);
            if (path?.length)
                found = { path, kept: path.at(-1).to, object: start };
            if (found)
                break;
        }
        if (!found)
            return undefined;
        shown ??= found;
    }
    if (!shown)
        return undefined;
    const noun = site.kind === 'AddCleanup' ? 'cleanup' : 'finalizer';
    const x = inline(arg);
    const type = evaluation.argTypes[0];
    const function_ = functionName(body);
    const kept = shown.kept.label;
    const reach = shown.path.length ? `it reaches ${kept} through ${renderPath(shown.object.label, shown.path)}` : `it is handed ${kept}`;
    return {
        node: site.call,
        file: site.file,
        message: `nothing keeps ${x}${type ? ` (${typeName(type)})` : ''} once ${function_} returns, so its ${noun} may run at the next collection while ${kept} is still in use: ` +
            `${reach}, and ${kept} outlives ${function_}; set the ${noun} on an object the callers keep, or keep ${x} reachable from it`,
        related: [
            { node: shown.kept.node, file: shown.kept.file, message: `made here and kept: ${firstLine(shown.kept.node.text)}` },
            ...shown.path.map((edge) => ({ node: edge.node, file: edge.file, message: `${edge.via}: ${firstLine(edge.node.text)}` })),
        ],
    };
}
/** A finalizer that sets a finalizer on its own object again: it runs once per collection by design. */
function setsItselfAgain(finalizer) {
    return calls(finalizer.body).some((call) => {
        if (runtimeHookNamed(call.childForFieldName('function'), finalizer.file) !== 'SetFinalizer')
            return false;
        const [object, fn] = argumentsOf(call);
        return object?.text === finalizer.param && fn?.type !== 'nil';
    });
}
/** The body of the function or func literal that holds the node. */
function fg009_finalizer_may_run_early_enclosingFunction(node) {
    for (let at = node.parent; at; at = at.parent) {
        if (at.type === 'function_declaration' || at.type === 'method_declaration' || at.type === 'func_literal')
            return at.childForFieldName('body') ?? undefined;
    }
    return undefined;
}
function functionName(body) {
    const declaration = body.parent;
    return declaration?.type === 'func_literal' ? 'the func literal' : (declaration?.childForFieldName('name')?.text ?? 'the function');
}

;// CONCATENATED MODULE: ./src/rules/index.ts









const syntaxError = {
    id: 'FG000',
    name: 'analysis-notice',
    severity: 'notice',
    summary: 'Part of the code could not be analyzed (a syntax error, an unreadable file, build constraints, an analysis bound); findings there may be missing.',
};
const rules = [
    finalizerCycle,
    finalizerTypeCycle,
    finalizerReferencesObject,
    finalizerBadObject,
    finalizerBadSignature,
    cleanupReferencesObject,
    finalizerMayNeverRun,
    finalizerAlreadySet,
];
/** Rules that look at the package as a whole, after its calls. */
const packageRules = [finalizerMayRunEarly];
const ruleCatalog = [syntaxError, ...rules, ...packageRules].map(({ id, name, severity, summary }) => ({ id, name, severity, summary }));

;// CONCATENATED MODULE: ./src/rules/remediation.ts

const articleQuotes = {
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
const cycleCleanup = {
    en: {
        available: 'With Go 1.24 or later, prefer `runtime.AddCleanup(ptr, cleanup, arg)`: objects with cleanups may sit in cycles and are still collected, and their cleanups run, as long as neither `cleanup` nor `arg` reaches `ptr` (pass the resource, such as the file descriptor, as `arg`, not the object). A back-reference that has to stay can be a `weak.Pointer[T]` (package weak), which does not keep its target alive and so does not close the cycle.',
        unavailable: 'Go 1.24 added `runtime.AddCleanup`, which collects objects in cycles, and `weak.Pointer`; they are not suggested here because this code does not declare Go 1.24 or later.',
    },
    ru: {
        available: 'Начиная с Go 1.24 лучше использовать `runtime.AddCleanup(ptr, cleanup, arg)`: объекты с cleanup-функциями могут входить в циклы — они всё равно собираются, и cleanup-функции запускаются, если ни `cleanup`, ни `arg` не ведут к `ptr` (передавайте в `arg` сам ресурс, например файловый дескриптор, а не объект). Обратную ссылку, без которой не обойтись, можно сделать `weak.Pointer[T]` (пакет weak): она не удерживает цель и потому не замыкает цикл.',
        unavailable: 'В Go 1.24 появились `runtime.AddCleanup`, который собирает объекты в циклах, и `weak.Pointer`; здесь они не предлагаются, потому что код не объявляет Go 1.24 или новее.',
    },
};
const en = {
    FG000: {
        problem: 'finalizer-guard could not analyze part of this code, for the reason the message gives: a syntax error, which the Go compiler rejects too; a file that cannot be read as Go source (empty, binary, not UTF-8, too large, unreadable); build constraints that no target it tries satisfies; or a function whose analysis reached its bound of depth or work (`analysis bounded here`). Findings in that part may be missing or misplaced.',
        fix: 'Fix: correct a syntax error (`gofmt -e` or `go vet` lists them) and run the check again; a file not meant to compile (a template, test input) belongs under a testdata/ directory, which is skipped, or outside the analyzed paths. An analysis bound says nothing is wrong with the code: the part after it was not looked at, so check it by hand for the problems the other rules describe, or split the function so that each part is analyzed whole.',
    },
    FG001: {
        problem: "The object passed to runtime.SetFinalizer is part of a reference cycle that runs through at least one other heap object. Until a finalizer has run, the collector keeps alive everything its object points to; an object that reaches itself through another object therefore keeps itself alive: the finalizer never runs and no object in the cycle is ever freed. This is the article's foo/bar example (foo.bar = bar; bar.foo = foo).",
        quotes: articleQuotes.en.sentences,
        fix: 'Fix: break the cycle, or take the finalizer out of it. Keep the resource (file descriptor, C pointer) in a small inner struct that does not point back, and set the finalizer on that struct; the outer objects may then form cycles freely. The article shows the standard library doing this in os.newFile: `runtime.SetFinalizer(f.file, (*file).close)`. Otherwise clear the back-reference (`bar.foo = nil`) before the last reference is dropped. Either way, prefer an explicit Close method and keep the finalizer only as a safety net.',
        cleanup: cycleCleanup.en,
    },
    FG002: {
        problem: 'No cycle is built in the analyzed code, but the type of the object can reach itself through reference-carrying fields (pointers, slices, arrays, maps, channels, and type arguments such as `atomic.Pointer[T]`, and interface fields of an interface the package declares, through the package\'s types that implement it; what a func field or an interface of another package holds is not known from the type, so those are not followed). If any code links such values into a cycle through another object, the finalizer never runs and the memory of the cycle is never freed. A direct self-pointer (`x.self = x`) is harmless: the collector ignores pointers into the object itself.',
        quotes: articleQuotes.en.sentences,
        fix: 'Fix: make sure values of this type never form such a cycle. If they can, move the finalizer to a small inner struct that holds only the resource and points back to nothing, as os.newFile does with `runtime.SetFinalizer(f.file, (*file).close)`. If they cannot (the field is always nil or points elsewhere), suppress this finding with a reason: `//finalizer-guard:ignore FG002 <reason>`.',
        cleanup: cycleCleanup.en,
    },
    FG003: {
        problem: 'The finalizer function itself keeps the object reachable: it is a closure that captures the object (or a variable that holds it), a method value bound to the object (`x.fin`), or a method value of another object that reaches it. The runtime keeps the finalizer function alive as long as the finalizer is set, so the object never becomes unreachable, the finalizer never runs, and the object is never freed.',
        fix: 'Fix: use the argument the runtime passes to the finalizer instead of a captured variable: `runtime.SetFinalizer(x, func(x *T) { x.release() })`, or the method expression `runtime.SetFinalizer(x, (*T).release)`. If the finalizer needs other values, copy them into locals that do not lead back to the object and capture only those.',
        cleanup: {
            available: 'With Go 1.24 or later, `runtime.AddCleanup(x, func(h *handle) { h.close() }, x.h)` makes the split explicit: the cleanup receives only the value it needs, which must not point back to `x`.',
            unavailable: 'Go 1.24 added `runtime.AddCleanup`, which passes the cleanup only the value it needs; it is not suggested here because this code does not declare Go 1.24 or later.',
        },
    },
    FG004: {
        problem: "runtime.SetFinalizer needs a pointer to the start of an allocated object (from `new(T)`, `&T{...}`, or `&v` of a variable). A struct value, any other non-pointer (also inside an interface variable: the runtime looks at what the interface holds), a nil pointer (`var x *T` never assigned, `(*T)(nil)`), or a pointer into the middle of an object (`&s.inner`) makes it abort the whole program with a fatal error, \"runtime.SetFinalizer: first argument is T, not pointer\", \"pointer not in allocated block\" or \"pointer not at beginning of allocated block\"; `recover` cannot catch it. `&p` of a pointer variable `p` is accepted, but the finalizer goes on the variable itself, which is dropped as soon as the function is done with it: the finalizer runs at once, while the object p points to lives on. The article's own first example (`str := CString{...}; runtime.SetFinalizer(str, ...)`) passes a struct value and would die this way.",
        fix: 'Fix: allocate the object with `&T{...}` (or `new(T)`), keep and return that pointer, and pass it to SetFinalizer: `runtime.SetFinalizer(p, ...)`, not `&p`. For a part of an object, set the finalizer on the whole object, or allocate the part separately (make the field a pointer, `inner *Inner`).',
    },
    FG005: {
        problem: 'The finalizer must be a function of exactly one parameter to which the object can be assigned (`*T`, or an interface that `*T` implements); its results are ignored. Anything else makes runtime.SetFinalizer abort the whole program with a fatal error such as "runtime.SetFinalizer: cannot pass *T to finalizer func() error"; `recover` cannot catch it. A method value such as `x.Close`, for a method without parameters, has its receiver already bound and takes no argument, so it always fails.',
        fix: 'Fix: pass a function literal, `func(x *T) { x.Close() }`, or the method expression `(*T).Close`, whose first parameter is the receiver. Make the parameter type the type of the object or an interface it implements.',
    },
    FG006: {
        problem: 'runtime.AddCleanup(ptr, cleanup, arg) calls cleanup(arg) after ptr becomes unreachable. Here ptr stays reachable from the cleanup itself: `arg` is ptr or leads to it, or `cleanup` is a closure that captures ptr (or something that holds it), or a method value bound to it (`c.destroy`). The runtime keeps cleanup and arg alive, so ptr is never collected and the cleanup never runs. (AddCleanup panics when arg is ptr; since Go 1.26 it also panics when arg points inside ptr or the cleanup\'s own closure holds ptr, which on earlier releases leak silently.)',
        fix: 'Fix: pass as `arg` only what the cleanup has to release (a file descriptor, a C pointer, a small handle struct that does not point back), and write the cleanup as a function of that value: `runtime.AddCleanup(f, func(fd int) { syscall.Close(fd) }, f.fd)`. Cycles among objects are fine for AddCleanup; only reachability from cleanup and arg matters.',
    },
    FG007: {
        problem: 'This finalizer or cleanup may never run. Objects allocated for package-level variables may be placed by the linker rather than on the heap, and live as long as the program; zero-size objects (`struct{}`, `[0]int`) can share one address with other zero-size values; tiny pointer-free objects (smaller than 16 bytes) are packed together into shared blocks, and a block is freed only when every object in it is dead; and an object that a package-level variable still reaches (a registry, a cache) is never unreachable at all. In none of these cases does the runtime promise to run the finalizer, and `runtime.AddCleanup` is subject to the same (measured on Go 1.26: no cleanup ran on tiny objects kept beside live ones); no finalizer or cleanup runs when the program exits.',
        fix: 'Fix: do not rely on the finalizer or cleanup here. Release the resource explicitly (a Close method, `defer`). If one is still wanted as a safety net, allocate the object at run time (not in a package-level initializer) and give it a pointer field or a size of at least 16 bytes.',
    },
    FG008: {
        problem: 'An object can have only one finalizer. This call sets a finalizer on an object whose finalizer an earlier call already set, and nothing removes that one in between, so runtime.SetFinalizer aborts the whole program with the fatal error "runtime.SetFinalizer: finalizer already set"; `recover` cannot catch it. It often happens when a constructor sets a finalizer and its caller, unaware, sets another.',
        fix: 'Fix: set the finalizer in one place only, usually where the object is made, and let that one finalizer release everything. To replace a finalizer, remove the old one first with `runtime.SetFinalizer(x, nil)`.',
        cleanup: {
            available: 'With Go 1.24 or later, `runtime.AddCleanup` may be called any number of times on one object, each cleanup releasing one resource.',
            unavailable: 'Go 1.24 added `runtime.AddCleanup`, which may be called any number of times on one object; it is not suggested here because this code does not declare Go 1.24 or later.',
        },
    },
    FG009: {
        problem: 'Go tracks liveness precisely: an object may become unreachable right after its last use in a function, even in the middle of a call that still works with a value read out of it. Here a call is handed a field of the object (a file descriptor, a C pointer, a handle) but not the object, and the function does not use the object after the call, so the garbage collector may run the finalizer or cleanup during the call, and it releases the resource the call is using: a closed or reused descriptor, freed C memory, a connection closed mid-request. The same happens when the finalizer or cleanup is set on an object that nothing keeps once the function that made it returns, while what it releases is kept: it runs at the next collection.',
        fix: 'Fix: call `runtime.KeepAlive(x)` right after the call, which keeps x reachable until that point; or pass x itself where the callee can keep it (cgo keeps Go pointers passed to C alive for the call). For a method promoted from an embedded field, declare the method on the wrapper and end it with `runtime.KeepAlive`. For an object that nothing keeps, set the finalizer on the object the callers keep (the one returned or stored), or store the finalized object in it.',
    },
};
const ru = {
    FG000: {
        problem: 'finalizer-guard не смог проанализировать часть этого кода по причине, названной в сообщении: синтаксическая ошибка, которую не примет и компилятор Go; файл, который нельзя прочитать как исходный код Go (пустой, двоичный, не в UTF-8, слишком большой, недоступный для чтения); ограничения сборки, которым не удовлетворяет ни одна из проверяемых целей; или функция, анализ которой достиг предела глубины или объёма работы (`analysis bounded here`). Находки в этой части могут быть пропущены или указывать не туда.',
        fix: 'Исправление: исправьте синтаксическую ошибку (их перечислит `gofmt -e` или `go vet`) и запустите проверку снова; файлу, который и не должен компилироваться (шаблон, входные данные тестов), место в каталоге testdata/, который пропускается, или вне проверяемых путей. Предел анализа не означает ошибки в коде: часть после него не просмотрена, поэтому проверьте её вручную на проблемы, которые описывают другие правила, или разделите функцию, чтобы каждая часть анализировалась целиком.',
    },
    FG001: {
        problem: 'Объект, переданный в runtime.SetFinalizer, входит в цикл ссылок, который проходит хотя бы через один другой объект в куче. Пока финализатор не выполнен, сборщик мусора сохраняет всё, на что ссылается объект с финализатором; если объект достижим из самого себя через другой объект, он удерживает сам себя: финализатор не запускается никогда, и ни один объект цикла не освобождается. Это случай из примера статьи с foo и bar (foo.bar = bar; bar.foo = foo).',
        quotes: articleQuotes.ru.sentences,
        fix: 'Исправление: разорвите цикл или выведите из него финализатор. Храните ресурс (файловый дескриптор, указатель C) в небольшой внутренней структуре, которая не ссылается обратно, и ставьте финализатор на неё; внешние объекты тогда могут образовывать циклы без вреда. Так, как показано в статье, делает стандартная библиотека в os.newFile: `runtime.SetFinalizer(f.file, (*file).close)`. Другой путь — обнулить обратную ссылку (`bar.foo = nil`) до того, как пропадёт последняя ссылка на объект. В любом случае лучше освобождать ресурс явным методом Close, а финализатор оставить только как страховку.',
        cleanup: cycleCleanup.ru,
    },
    FG002: {
        problem: 'В проанализированном коде цикл не строится, но тип объекта может ссылаться сам на себя через поля, несущие ссылки (указатели, срезы, массивы, map, каналы и аргументы типов вроде `atomic.Pointer[T]`, а также поля с интерфейсом, объявленным в пакете, через типы пакета, которые его реализуют; что хранит поле-функция или поле с интерфейсом другого пакета, по типу не видно, поэтому такие поля не рассматриваются). Если где-то такие значения свяжутся в цикл через другой объект, финализатор не запустится никогда, а память цикла не освободится. Прямой указатель на себя (`x.self = x`) безвреден: сборщик мусора пропускает указатели внутрь самого объекта.',
        quotes: articleQuotes.ru.sentences,
        fix: 'Исправление: убедитесь, что значения этого типа никогда не образуют такой цикл. Если могут, перенесите финализатор на небольшую внутреннюю структуру, которая хранит только ресурс и ни на что не ссылается обратно, как в os.newFile: `runtime.SetFinalizer(f.file, (*file).close)`. Если не могут (поле всегда nil или указывает на другие объекты), подавите это предупреждение с указанием причины: `//finalizer-guard:ignore FG002 <причина>`.',
        cleanup: cycleCleanup.ru,
    },
    FG003: {
        problem: 'Сама функция-финализатор удерживает объект достижимым: это замыкание, захватившее объект (или переменную, которая на него ссылается), значение-метод, привязанное к объекту (`x.fin`), или значение-метод другого объекта, из которого достижим этот. Runtime хранит функцию-финализатор, пока финализатор установлен, поэтому объект никогда не становится недостижимым: финализатор не запускается, и память не освобождается.',
        fix: 'Исправление: используйте аргумент, который runtime передаёт финализатору, а не захваченную переменную: `runtime.SetFinalizer(x, func(x *T) { x.release() })` или выражение-метод `runtime.SetFinalizer(x, (*T).release)`. Если финализатору нужны другие значения, скопируйте их в локальные переменные, которые не ведут обратно к объекту, и захватывайте только их.',
        cleanup: {
            available: 'Начиная с Go 1.24 это разделение делает явным `runtime.AddCleanup(x, func(h *handle) { h.close() }, x.h)`: cleanup-функция получает только нужное ей значение, и оно не должно ссылаться обратно на `x`.',
            unavailable: 'В Go 1.24 появился `runtime.AddCleanup`, который передаёт cleanup-функции только нужное ей значение; здесь он не предлагается, потому что код не объявляет Go 1.24 или новее.',
        },
    },
    FG004: {
        problem: 'runtime.SetFinalizer требует указатель на начало выделенного объекта (полученный через `new(T)`, `&T{...}` или `&v` для переменной). Значение структуры, любое другое значение не-указатель (в том числе внутри интерфейсной переменной: runtime смотрит, что лежит в интерфейсе), nil-указатель (`var x *T` без присваивания, `(*T)(nil)`) или указатель внутрь объекта (`&s.inner`) аварийно завершают всю программу с фатальной ошибкой «runtime.SetFinalizer: first argument is T, not pointer», «pointer not in allocated block» или «pointer not at beginning of allocated block»; `recover` её не перехватывает. `&p` для переменной-указателя `p` принимается, но финализатор ставится на саму переменную, которая перестаёт быть нужной, как только функция с ней закончила: финализатор запускается сразу, а объект, на который указывает p, продолжает жить. Первый же пример статьи (`str := CString{...}; runtime.SetFinalizer(str, ...)`) передаёт значение структуры и завершился бы именно так.',
        fix: 'Исправление: создавайте объект через `&T{...}` (или `new(T)`), храните и возвращайте этот указатель и передавайте его в SetFinalizer: `runtime.SetFinalizer(p, ...)`, а не `&p`. Если речь о части объекта, ставьте финализатор на весь объект или выделите часть отдельно (сделайте поле указателем, `inner *Inner`).',
    },
    FG005: {
        problem: 'Финализатор должен быть функцией ровно одного параметра, которому можно присвоить объект (`*T` или интерфейс, который реализует `*T`); возвращаемые значения игнорируются. Всё остальное аварийно завершает всю программу с фатальной ошибкой вида «runtime.SetFinalizer: cannot pass *T to finalizer func() error»; `recover` её не перехватывает. Значение-метод вроде `x.Close` для метода без параметров уже привязано к получателю и не принимает аргументов, поэтому всегда приводит к этой ошибке.',
        fix: 'Исправление: передайте функциональный литерал `func(x *T) { x.Close() }` или выражение-метод `(*T).Close`, у которого первый параметр — получатель. Тип параметра должен быть типом объекта или интерфейсом, который тот реализует.',
    },
    FG006: {
        problem: 'runtime.AddCleanup(ptr, cleanup, arg) вызывает cleanup(arg) после того, как ptr станет недостижимым. Здесь ptr остаётся достижимым из самой cleanup-функции: `arg` — это ptr или ведёт к нему, либо `cleanup` — замыкание, захватившее ptr (или то, что на него ссылается), либо значение-метод, привязанное к нему (`c.destroy`). Runtime удерживает cleanup и arg, поэтому ptr никогда не собирается, и cleanup не запускается. (Если передать в arg сам ptr, AddCleanup паникует; начиная с Go 1.26 он паникует и тогда, когда arg указывает внутрь ptr или замыкание cleanup-функции само держит ptr, а в более ранних версиях это тихая утечка.)',
        fix: 'Исправление: передавайте в `arg` только то, что cleanup-функция должна освободить (файловый дескриптор, указатель C, небольшую структуру-дескриптор без обратных ссылок), и пишите cleanup как функцию от этого значения: `runtime.AddCleanup(f, func(fd int) { syscall.Close(fd) }, f.fd)`. Циклы между объектами для AddCleanup не страшны; важно лишь, чтобы ptr не был достижим из cleanup и arg.',
    },
    FG007: {
        problem: 'Этот финализатор или cleanup-функция могут не запуститься никогда. Объекты, созданные для переменных уровня пакета, компоновщик может разместить вне кучи, и живут они столько же, сколько программа; объекты нулевого размера (`struct{}`, `[0]int`) могут делить один адрес с другими значениями нулевого размера; крошечные объекты без указателей (меньше 16 байт) упаковываются вместе в общие блоки, а блок освобождается, только когда мертвы все объекты в нём; а объект, до которого ещё можно добраться из переменной уровня пакета (реестра, кэша), вообще не становится недостижимым. Ни в одном из этих случаев runtime не обещает запустить финализатор, и `runtime.AddCleanup` подчиняется тому же (измерено на Go 1.26: ни одна cleanup-функция крошечных объектов рядом с живыми не запустилась); при завершении программы ни финализаторы, ни cleanup-функции не запускаются.',
        fix: 'Исправление: не полагайтесь здесь ни на финализатор, ни на cleanup-функцию. Освобождайте ресурс явно (метод Close, `defer`). Если страховка всё же нужна, создавайте объект во время работы программы (не в инициализаторе переменной уровня пакета) и дайте ему поле-указатель или размер не меньше 16 байт.',
    },
    FG008: {
        problem: 'У объекта может быть только один финализатор. Этот вызов ставит финализатор на объект, которому более ранний вызов уже поставил свой, и между ними его никто не снимает, поэтому runtime.SetFinalizer аварийно завершает всю программу с фатальной ошибкой «runtime.SetFinalizer: finalizer already set»; `recover` её не перехватывает. Так часто бывает, когда финализатор ставит конструктор, а вызывающий код, не зная об этом, ставит ещё один.',
        fix: 'Исправление: ставьте финализатор в одном месте, обычно там, где создаётся объект, и пусть этот единственный финализатор освобождает всё. Чтобы заменить финализатор, сначала снимите прежний: `runtime.SetFinalizer(x, nil)`.',
        cleanup: {
            available: 'Начиная с Go 1.24 `runtime.AddCleanup` можно вызывать для одного объекта сколько угодно раз, и каждая cleanup-функция освобождает свой ресурс.',
            unavailable: 'В Go 1.24 появился `runtime.AddCleanup`, который можно вызывать для одного объекта сколько угодно раз; здесь он не предлагается, потому что код не объявляет Go 1.24 или новее.',
        },
    },
    FG009: {
        problem: 'Go отслеживает живость объектов точно: объект может стать недостижимым сразу после последнего использования в функции, даже посреди вызова, который ещё работает со значением, прочитанным из него. Здесь вызову передаётся поле объекта (файловый дескриптор, указатель C, хэндл), но не сам объект, и после вызова функция объект не использует, поэтому сборщик мусора может запустить финализатор или cleanup-функцию во время вызова, и она освободит ресурс, с которым вызов работает: закрытый или переиспользованный дескриптор, освобождённая память C, соединение, закрытое посреди запроса. То же происходит, когда финализатор или cleanup-функция назначены объекту, который никто не удерживает после возврата из создавшей его функции, а то, что она освобождает, удерживается: она сработает при следующей сборке мусора.',
        fix: 'Исправление: вызовите `runtime.KeepAlive(x)` сразу после вызова — это удерживает x достижимым до этой точки; или передайте сам x туда, где вызываемый код может его удержать (cgo удерживает переданные в C указатели Go на время вызова). Для метода, продвинутого из встроенного поля, объявите метод у обёртки и завершите его `runtime.KeepAlive`. Для объекта, который никто не удерживает, назначьте финализатор объекту, который удерживают вызывающие (тому, что возвращается или сохраняется), или сохраните финализируемый объект в нём.',
    },
};
const catalogs = { en, ru };
/** True when goVersion ("1.24", "go1.25.1") is at least 1.24, where AddCleanup and weak exist. */
function hasCleanups(goVersion) {
    const release = parseGoRelease(goVersion);
    return release !== undefined && releaseAtLeast(release, [1, 24]);
}
function texts(ruleId, lang) {
    const found = catalogs[lang][ruleId];
    if (!found)
        throw new Error(`no remediation for rule ${ruleId}`);
    return found;
}
function paragraphs(ruleId, options) {
    const rule = texts(ruleId, options.lang);
    const out = [{ kind: 'text', text: rule.problem }];
    if (rule.quotes) {
        out.push({ kind: 'text', text: articleQuotes[options.lang].intro });
        for (const quote of rule.quotes)
            out.push({ kind: 'quote', text: quote });
    }
    out.push({ kind: 'text', text: rule.fix });
    if (rule.cleanup) {
        out.push({ kind: 'text', text: hasCleanups(options.goVersion) ? rule.cleanup.available : rule.cleanup.unavailable });
    }
    return out;
}
/** The paragraph that says what goes wrong at run time (SARIF fullDescription). */
function ruleExplanation(ruleId, lang) {
    return texts(ruleId, lang).problem;
}
/** Plain-text remediation: paragraphs separated by blank lines, article quotes in quotation marks. */
function remediation(ruleId, options) {
    const [open, close] = options.lang === 'ru' ? ['«', '»'] : ['"', '"'];
    return paragraphs(ruleId, options)
        .map((p) => (p.kind === 'quote' ? open + p.text + close : p.text))
        .join('\n\n');
}
/** The same remediation as Markdown, article quotes as block quotes (SARIF help.markdown, docs). */
function remediationMarkdown(ruleId, options) {
    const blocks = [];
    for (const p of paragraphs(ruleId, options)) {
        const previous = blocks.length - 1;
        // Consecutive quoted paragraphs share one block quote.
        if (p.kind === 'quote' && blocks[previous]?.startsWith('> '))
            blocks[previous] += `\n>\n> ${p.text}`;
        else
            blocks.push(p.kind === 'quote' ? `> ${p.text}` : p.text);
    }
    return blocks.join('\n\n');
}

;// CONCATENATED MODULE: ./src/suppress.ts
const suppression = /\/\/\s*(?:nolint(?::([\w,-]+))?|finalizer-guard:ignore((?:\s+FG\d{3})*))(?=\s|$)/;
/**
 * `//nolint`, `//nolint:finalizerguard` or `//finalizer-guard:ignore FG002 why`
 * at the end of the finding's line, or alone on the line above (a comment
 * ending the line above belongs to that line, as golangci-lint reads it).
 */
function isSuppressed(finding, lines) {
    const above = lines[finding.line - 2];
    for (const line of [lines[finding.line - 1], above && /^\s*\/\//.test(above) ? above : undefined]) {
        const match = line && suppression.exec(line);
        if (!match)
            continue;
        if (match[0].includes('nolint')) {
            if (!match[1] || match[1].split(',').includes('finalizerguard'))
                return true;
            continue;
        }
        const ids = match[2]?.trim().split(/\s+/).filter(Boolean) ?? [];
        if (!ids.length || ids.includes(finding.ruleId))
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/threads.ts
// Runs one piece of work per item on several threads, this one included.
// Items are queued while this thread is still choosing them (reading and
// prefiltering directories), and workers start on them at once: a worker
// starts as soon as the work queued pays for it. Each thread claims the next
// item from a shared counter when it is done with one, so a busy thread
// never holds up another.






/** The worker entry sits next to the bundle (dist/worker.js); from sources there is none, and all runs here. */
const workerFile = (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url)), 'worker.js');
/**
 * Below this many bytes of files that may call a finalizer function per
 * thread, starting another thread (about 70 ms, its own parser) costs more
 * than it saves: the Go standard library has 0.8 to 1.5 MB of them, a
 * monorepo with a few finalizer packages some tens of KB.
 */
const bytesPerThread = (/* unused pure expression or super */ null && (256 * 1024));
/** FINALIZER_GUARD_THREADS when it is a number. */
function forcedThreads() {
    const forced = process.env.FINALIZER_GUARD_THREADS;
    return forced !== undefined && /^\d+$/.test(forced) ? Math.max(1, Number(forced)) : undefined;
}
/**
 * A worker that starts while this thread still has this many files to read
 * and prefilter is ready (about 70 ms) before this thread could take an item
 * (the standard library reads at about 0.15 ms a file), so it costs no time.
 */
const filesToReadAhead = 1000;
/**
 * How many threads `items` queued items whose files that may call weigh
 * `bytes` are worth, with `filesLeft` files still to read: FINALIZER_GUARD_THREADS
 * when set, else by cores and that weight, or one per item while there is
 * enough left to read; never more than the items.
 */
function threadsWorth(bytes, items, filesLeft) {
    const wanted = forcedThreads() ?? Math.min(availableParallelism(), filesLeft >= filesToReadAhead ? items : Math.ceil(bytes / bytesPerThread));
    return Math.max(1, Math.min(wanted, items));
}
/** The cells of the state the threads share. */
const claimed = 0;
const queued = 1;
/** 1 once no item will be queued any more (or the run failed and no item is left to claim). */
const threads_closed = 2;
/** Changes whenever `queued` or `closed` do: what a waiting worker sleeps on. */
const signal = 3;
/**
 * Claims the next item: its index, or undefined when the queue is closed
 * without it. A worker sleeps until the item is queued; this thread only
 * claims once the queue is closed, so it never waits.
 */
function claimNext(state) {
    const index = Atomics.add(state, claimed, 1);
    for (;;) {
        const seen = Atomics.load(state, signal);
        if (index < Atomics.load(state, queued))
            return index;
        if (Atomics.load(state, threads_closed))
            return undefined;
        Atomics.wait(state, signal, seen);
    }
}
/** A pool for work that runs as `runHere` on this thread, and on a worker sends what `received` turns into the same result. */
function threads_threadPool(extra, runHere, received) {
    const items = [];
    const results = [];
    const state = new Int32Array(new SharedArrayBuffer(4 * 4));
    const workers = [];
    // Asked once, not at every item queued.
    const workersAvailable = existsSync(workerFile);
    let bytes = 0;
    const update = (cell, value) => {
        Atomics.store(state, cell, value);
        Atomics.add(state, signal, 1);
        Atomics.notify(state, signal);
    };
    let stopped = false;
    // One failure ends the run: no thread claims another item, and none is queued.
    const stop = () => {
        stopped = true;
        update(queued, 0);
        update(threads_closed, 1);
    };
    const start = () => {
        const channel = new MessageChannel();
        // A small young generation keeps a worker's short-lived garbage (file text, tree nodes) from piling up in memory.
        const worker = new Worker(workerFile, {
            resourceLimits: { maxYoungGenerationSizeMb: 8 },
            workerData: { items: channel.port2, state, extra },
            transferList: [channel.port2],
        });
        const finished = new Promise((resolve, reject) => {
            worker.on('message', (reply) => {
                if ('error' in reply)
                    reject(reply.usage ? new UsageError(reply.error) : new Error(reply.error));
                else if ('done' in reply)
                    resolve();
                else
                    results[reply.index] = received(reply.result);
            });
            worker.on('error', reject);
            // A worker that ends without a word must not leave the run waiting (after resolve this does nothing).
            worker.once('exit', (code) => reject(new Error(`a worker thread stopped (exit code ${code})`)));
        });
        // A failure stops the others at once; results() reports it.
        finished.catch(stop);
        for (const item of items)
            channel.port1.postMessage(item);
        workers.push({ worker, port: channel.port1, finished });
    };
    return {
        add(item, weight, filesLeft) {
            if (stopped)
                return;
            items.push(item);
            bytes += weight;
            for (const { port } of workers)
                port.postMessage(item);
            update(queued, items.length);
            if (workersAvailable && workers.length + 1 < threadsWorth(bytes, items.length, filesLeft))
                start();
        },
        async results() {
            update(threads_closed, 1);
            const here = async () => {
                for (let index = claimNext(state); index !== undefined; index = claimNext(state))
                    results[index] = await runHere(items[index]);
            };
            try {
                await Promise.all([...workers.map((w) => w.finished), here()]);
            }
            catch (error) {
                stop();
                throw error;
            }
            return results;
        },
        async dispose() {
            stop();
            await Promise.all(workers.map(({ worker }) => worker.terminate()));
        },
    };
}
/** The worker side: claims items and runs the work on each until the queue is closed and none is left. */
function serveThreads(start, replies, run) {
    const { items, state, extra } = start;
    const received = [];
    void (async () => {
        try {
            for (let index = claimNext(state); index !== undefined; index = claimNext(state)) {
                while (received.length <= index) {
                    const next = (0,external_node_worker_threads_namespaceObject.receiveMessageOnPort)(items);
                    // An item is posted before it is counted as queued; should its message lag, look again a moment later.
                    if (next)
                        received.push(next.message);
                    else
                        Atomics.wait(state, signal, Atomics.load(state, signal), 1);
                }
                replies.postMessage({ index, result: await run(received[index], extra) });
            }
            replies.postMessage({ done: true });
        }
        catch (error) {
            replies.postMessage({ error: error.message ?? String(error), usage: error instanceof errors_UsageError });
        }
    })();
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject_0 = /*#__PURE__*/JSON.parse('{"rE":"0.1.0","Jk":{"O":"git+https://github.com/OWNER/finalizer-guard.git"}}');
;// CONCATENATED MODULE: ./src/version.ts
// The tool's version, reported by --version and in SARIF, and where its
// repository and rule docs are: package.json's, bundled in.

const version = package_namespaceObject_0.rE;
/** The repository's web address (package.json names it as git+https://.../x.git). */
const repositoryUrl = package_namespaceObject_0.Jk.O.replace(/^git\+/, '').replace(/\.git$/, '');
/** docs/rules.md as released with this version: rules' help links point into it. */
const rulesDocUrl = (/* unused pure expression or super */ null && (`${repositoryUrl}/blob/v${version}/docs/rules.md`));

;// CONCATENATED MODULE: ./src/cache.ts
// The result cache: a package directory's findings and stats, stored under a
// fingerprint of everything its analysis can read (its own files, the files
// of every package of the module it imports, directly or not, and the module
// files that map import paths to directories), the tool's build, the
// options and the Go release advice is given for. An entry is used only when
// its fingerprint, build and checksum all match and its shape is sound:
// a corrupted, truncated or foreign entry is analyzed again, never trusted.









/** Bumped when the entry's layout changes. */
const entryFormat = 1;
/** Where entries go unless told otherwise: the user's cache directory, as XDG names it. */
function defaultCacheDir() {
    return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'finalizer-guard', 'results');
}
const sha256 = (data) => (0,external_node_crypto_namespaceObject.createHash)('sha256').update(data).digest('hex');
let build;
/**
 * The build that analyzes: the version alone would trust, after an engine
 * change, results of the build before it. The worker bundle holds the whole
 * engine and sits next to every entry (dist/); from sources there is none.
 */
function buildId() {
    if (build === undefined) {
        const engine = readOrUndefined(workerFile);
        build = `${version} ${engine ? sha256(engine) : 'sources'}`;
    }
    return build;
}
/** The cache of one run (each thread has its own): file hashes are taken once per run, as files do not change during it. */
class ResultCache {
    dir;
    key;
    fileHashes = new Map();
    /** Per package directory of the module: its files' hashes and the directories its files name as imports. */
    packages = new Map();
    /** `key`: the options and release the result depends on, as text. */
    constructor(dir, key) {
        this.dir = dir;
        this.key = key;
    }
    /**
     * The entry of a directory whose own files are `own` (every .go file of
     * the directory, as bytes or as the text decoded from them), in `workspace`, whose imports
     * `scan` finds, analyzed with advice for Go `release`.
     */
    entry(dir, own, workspace, scan, release) {
        const fingerprint = sha256(JSON.stringify({ key: this.key, release, own: own.map((f) => [f.path, sha256(f.content)]), ...this.moduleInputs(own, workspace, scan) }));
        const path = (0,external_node_path_namespaceObject.join)(this.dir, `${sha256(`${this.key}\n${dir.dir}`).slice(0, 40)}.json`);
        return { read: () => this.read(path, fingerprint), write: (result) => this.write(path, fingerprint, result) };
    }
    /** The module's files the analysis may read: its go.mod, go.work and vendor list, and the packages imported at any depth. */
    moduleInputs(own, workspace, scan) {
        if (!workspace || !scan)
            return { module: [], packages: [] };
        const moduleFiles = [workspace.workFile, ...workspace.modules.flatMap((m) => [(0,external_node_path_namespaceObject.join)(m.dir, 'go.mod'), (0,external_node_path_namespaceObject.join)(m.dir, 'vendor', 'modules.txt')])];
        const module = moduleFiles.filter((f) => !!f).map((f) => [f, this.hashOf(f)]);
        // Which directory an import names can change with the tree (a new directory, a nested go.mod): the names resolved are part of it.
        const seen = new Set();
        const todo = own.flatMap((f) => scan.importedDirs(f.content.toString()));
        while (todo.length) {
            const dir = todo.pop();
            if (seen.has(dir))
                continue;
            seen.add(dir);
            todo.push(...this.packageAt(dir, scan).imports);
        }
        const packages = [...seen].sort(order_byCodePoint).map((dir) => [dir, this.packageAt(dir, scan).files]);
        return { module, env: process.env.GOWORK ?? null, packages };
    }
    /** A package's non-test files (what the analysis reads of another package) and the directories they import. */
    packageAt(dir, scan) {
        let known = this.packages.get(dir);
        if (known)
            return known;
        const files = [];
        const imports = [];
        let paths = [];
        try {
            paths = sources_goFilesIn(dir).filter((p) => !p.endsWith('_test.go'));
        }
        catch {
            // A directory gone or unreadable has no files to read; its listing, empty, is what the fingerprint holds.
        }
        for (const path of paths) {
            const bytes = readOrUndefined(path);
            files.push([path, bytes ? this.hashed(path, bytes) : 'unreadable']);
            if (bytes)
                imports.push(...scan.importedDirs(bytes.toString('utf8')));
        }
        this.packages.set(dir, (known = { files, imports }));
        return known;
    }
    hashOf(path) {
        const bytes = readOrUndefined(path);
        return bytes ? this.hashed(path, bytes) : 'absent';
    }
    hashed(path, bytes) {
        let hash = this.fileHashes.get(path);
        if (!hash)
            this.fileHashes.set(path, (hash = sha256(bytes)));
        return hash;
    }
    read(path, fingerprint) {
        const text = readOrUndefined(path)?.toString('utf8');
        if (!text)
            return undefined;
        const newline = text.indexOf('\n');
        try {
            const header = JSON.parse(text.slice(0, newline));
            const body = text.slice(newline + 1);
            if (header?.format !== entryFormat || header.build !== buildId() || header.fingerprint !== fingerprint || header.checksum !== sha256(body))
                return undefined;
            const result = JSON.parse(body);
            return isCachedResult(result) ? result : undefined;
        }
        catch {
            return undefined;
        }
    }
    /** Written to a file of its own, then renamed over the entry: a reader sees the old entry or the new one, never part of one. */
    write(path, fingerprint, result) {
        const body = JSON.stringify(result);
        const header = JSON.stringify({ format: entryFormat, build: buildId(), fingerprint, checksum: sha256(body) });
        const temporary = `${path}.${process.pid}-${external_node_worker_threads_namespaceObject.threadId}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}.tmp`;
        try {
            (0,external_node_fs_namespaceObject.mkdirSync)(this.dir, { recursive: true });
            (0,external_node_fs_namespaceObject.writeFileSync)(temporary, `${header}\n${body}`);
            (0,external_node_fs_namespaceObject.renameSync)(temporary, path);
        }
        catch {
            // A cache that cannot be written (read-only, full) costs speed, not results.
            (0,external_node_fs_namespaceObject.rmSync)(temporary, { force: true });
        }
    }
}
function readOrUndefined(path) {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(path);
    }
    catch {
        return undefined;
    }
}
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** The shape engine.ts's packed result has: findings with their places and texts, remediations, numeric stats. */
function isCachedResult(value) {
    if (!isObject(value) || !Array.isArray(value.findings) || !Array.isArray(value.remediations) || !isObject(value.stats))
        return false;
    const remediations = value.remediations;
    if (!remediations.every((r) => typeof r === 'string') || !Object.values(value.stats).every((n) => Number.isInteger(n)))
        return false;
    return value.findings.every((f) => isObject(f) &&
        ['ruleId', 'rule', 'severity', 'path', 'message'].every((k) => typeof f[k] === 'string') &&
        ['line', 'column', 'endLine', 'endColumn'].every((k) => Number.isInteger(f[k])) &&
        Number.isInteger(f.remediation) &&
        f.remediation >= 0 &&
        f.remediation < remediations.length &&
        Array.isArray(f.related));
}

;// CONCATENATED MODULE: ./src/engine.ts
// The analysis pipeline: discover packages, read and parse their files, model
// each package, interpret the functions that reach a finalizer or cleanup
// call, run the rules, apply suppressions. Pure of GitHub: the CLI and the
// Action both call analyze().


























/** Go source larger than this is not parsed: generated tables, not code that sets finalizers. */
const maxFileBytes = 8 * 1024 * 1024;
/** The runtime functions this tool checks the calls of. */
const hookNames = 'SetFinalizer|AddCleanup';
const callPattern = new RegExp(`\\b(${hookNames})\\b`);
const hookCall = new RegExp(`\\b(${hookNames})\\s*[[(]`);
/** An import of the runtime package, as the file may write it; a string "runtime" elsewhere only costs a parse. */
const importsRuntime = /"runtime"|`runtime`/;
const overLimit = (bytes) => `file is ${(bytes / 1048576).toFixed(1)} MiB, over the ${maxFileBytes / 1048576} MiB limit; not analyzed`;
/** A file's bytes, when it can be read and is not over the limit (told by its size, before any byte is read). */
function readSource(path) {
    const unread = (why) => ({ path, bytes: 0, mentionsCall: false, unread: why });
    let buffer;
    try {
        const size = (0,external_node_fs_namespaceObject.statSync)(path).size;
        if (size > maxFileBytes)
            return unread(overLimit(size));
        buffer = (0,external_node_fs_namespaceObject.readFileSync)(path);
    }
    catch (error) {
        return unread(`cannot read the file (${error.code ?? String(error)}); not analyzed`);
    }
    const bytes = buffer.length;
    const mentionsCall = hookNames.split('|').some((name) => buffer.includes(name));
    const unreadable = (why) => ({ path, bytes, mentionsCall, unreadable: why });
    // It may have grown since it was measured.
    if (bytes > maxFileBytes)
        return unreadable(overLimit(bytes));
    if (bytes === 0)
        return unreadable('file is empty; a Go file must start with a package clause');
    if (buffer.includes(0))
        return unreadable('file is binary (contains NUL bytes); not analyzed');
    return { path, bytes, mentionsCall, buffer };
}
const engine_utf8 = new TextDecoder('utf-8', { fatal: true });
/** Go source is UTF-8; anything else is named, not guessed at. */
function decode(source) {
    if (!source.buffer)
        return;
    try {
        source.text = engine_utf8.decode(source.buffer);
        source.hasCall = callPattern.test(source.text);
        source.mayHoldSite = source.hasCall && importsRuntime.test(source.text);
    }
    catch {
        source.unreadable = 'file is not valid UTF-8, as Go source must be; not analyzed';
    }
    source.buffer = undefined;
}
class Reporter {
    options;
    go;
    findings = [];
    /** Each rule's remediation text for each Go release, made once and shared by its findings. */
    remediations = new Map();
    constructor(options, 
    /** The release the code is analyzed for where no build constraint says otherwise. */
    go) {
        this.options = options;
        this.go = go;
    }
    path(file) {
        return slashedRelative(this.options.root, file);
    }
    add(rule, file, node, message, related, go = this.go, fix) {
        const start = node?.startPosition ?? { row: 0, column: 0 };
        const end = node?.endPosition ?? start;
        const finding = {
            ruleId: rule.id,
            rule: rule.name,
            severity: rule.severity,
            path: this.path(file),
            line: start.row + 1,
            column: start.column + 1,
            endLine: end.row + 1,
            endColumn: end.column + 1,
            message,
            remediation: this.remediationOf(rule.id, go),
            related,
        };
        if (fix)
            finding.fix = toFix(fix, (path) => this.path(path));
        this.findings.push(finding);
    }
    remediationOf(ruleId, go) {
        const key = `${ruleId} ${go.join('.')}`;
        let text = this.remediations.get(key);
        if (text === undefined)
            this.remediations.set(key, (text = remediation(ruleId, { lang: this.options.lang ?? 'en', goVersion: go.join('.') })));
        return text;
    }
}
/**
 * What a function body does with finalizers and cleanups: sets one (a call
 * named SetFinalizer or AddCleanup, not a comment that mentions one), only
 * removes them (SetFinalizer(x, nil)), or neither.
 */
function hookUse(body, file) {
    if (usesHookAsValue(body, file))
        return 'sets';
    if (!hookCall.test(body.text))
        return undefined;
    let use;
    for (const named of hookNameNodes(body)) {
        const call = named.parent;
        if (call?.type !== 'call_expression' || call.childForFieldName('function')?.id !== named.id || !runtimeHookNamed(named, file))
            continue;
        if (!isRemoval(call))
            return 'sets';
        use = 'clears';
    }
    return use;
}
/** `runtime.SetFinalizer` as a value (stored, passed on): the code calls it through a name of its own. */
function usesHookAsValue(node, file) {
    if (!callPattern.test(node.text))
        return false;
    return hookNameNodes(node).some((selector) => {
        if (selector.type !== 'selector_expression' || !runtimeHookNamed(selector, file))
            return false;
        const parent = selector.parent;
        return !(parent?.type === 'call_expression' && parent.childForFieldName('function')?.id === selector.id);
    });
}
/** SetFinalizer(x, nil): removes a finalizer rather than setting one. */
function isRemoval(call) {
    return /(^|\.)SetFinalizer$/.test(call.childForFieldName('function')?.text ?? '') && call.childForFieldName('arguments')?.namedChild(1)?.type === 'nil';
}
/** A whole word followed by what opens a call's arguments, `(`, or also `[` (type arguments). */
const callOpening = /(?<![\p{L}\p{N}_])[\p{L}\p{N}_]+(?=\s*\()/gu;
const callOrInstantiation = /(?<![\p{L}\p{N}_])[\p{L}\p{N}_]+(?=\s*[[(])/gu;
/** For each text a pattern was run over (a file not read yet, a body), the words it found: the callers of each depth ask the same texts. */
const calledWords = new Map([callOpening, callOrInstantiation].map((calls) => [calls, new WeakMap()]));
/** Whether the text of `holder` calls one of the names: one pass over its words, however many names and questions there are. */
function callsAny(holder, names, calls) {
    const known = calledWords.get(calls);
    let words = known.get(holder);
    if (!words)
        known.set(holder, (words = new Set(Array.from((holder.text ?? '').matchAll(calls), ([word]) => word))));
    for (const name of names)
        if (words.has(name))
            return true;
    return false;
}
/**
 * Entry points: functions that set a finalizer or cleanup, their callers in
 * the package (which may link what they return into a cycle), and functions
 * that only remove one (the object must still be a pointer).
 */
function rootFunctions(pkg, scan) {
    const { direct, callers, clearing } = finalizerFunctions(pkg, scan);
    // Files may have been read in any order: a fixed order keeps results stable.
    const byPlace = (a, b) => order_byCodePoint(a.file.path, b.file.path) || a.node.startIndex - b.node.startIndex;
    return [...direct.sort(byPlace), ...callers.sort(byPlace), ...clearing.sort(byPlace)];
}
/**
 * The functions of a package that set a finalizer or cleanup (directly, or
 * through a wrapper of another package of the module), their callers, the
 * functions that only remove one, and the wrappers among them: those that
 * pass their own parameters on to the runtime or to another wrapper.
 */
function finalizerFunctions(pkg, scan) {
    // `alias.Name` as written, naming a wrapper function another package of the module declares, or
    // `value.Name`, a wrapper method of a package the file imports (the interpreter decides whose method it is).
    const importedWrapper = (file, callee) => {
        const dot = callee.lastIndexOf('.');
        if (dot <= 0 || !scan)
            return false;
        const name = callee.slice(dot + 1).trim();
        const wrappersIn = (path) => {
            const other = path && scan.mayWrap(path) ? pkg.imported?.(path) : undefined;
            return other && wrappersOf(other, scan);
        };
        const path = file.imports.get(callee.slice(0, dot).trim());
        if (path)
            return !!wrappersIn(path)?.functions.has(name);
        return [...file.imports.values()].some((p) => wrappersIn(p)?.methods.has(name));
    };
    const callsImportedWrapper = (f) => !!scan && [...f.file.imports.values()].some((path) => scan.mayWrap(path)) &&
        (f.body?.descendantsOfType('call_expression') ?? []).some((call) => !!call && importedWrapper(f.file, call.childForFieldName('function')?.text ?? ''));
    const uses = new Map(pkg.functions.map((f) => [f, f.body && hookUse(f.body, f.file)]));
    const direct = pkg.functions.filter((f) => uses.get(f) === 'sets' || (!uses.get(f) && callsImportedWrapper(f)));
    // A package-level variable set to runtime.SetFinalizer: the functions that call it set finalizers.
    const hookVariables = [...pkg.vars.values()].filter((v) => v.value && usesHookAsValue(v.value, v.file)).map((v) => v.name);
    // And a struct field that only ever holds it (`e.setFinalizer(cm, release)`).
    const hookCallNames = [...hookVariables, ...hookFields(pkg).keys()];
    if (hookCallNames.length) {
        const names = new Set(hookCallNames);
        pkg.load((file) => callsAny(file, names, callOpening));
        const chosen = new Set(direct);
        direct.push(...pkg.functions.filter((f) => !chosen.has(f) && f.body && callsAny(f.body, names, callOpening)));
    }
    const clearing = pkg.functions.filter((f) => uses.get(f) === 'clears');
    const callers = [];
    const chosen = new Set([...direct, ...clearing]);
    const callersOf = (callees) => {
        if (!callees.length)
            return [];
        const names = new Set(callees.map((f) => f.name));
        pkg.load((file) => callsAny(file, names, callOrInstantiation));
        const found = pkg.functions.filter((f) => !chosen.has(f) && f.body && callsAny(f.body, names, callOrInstantiation));
        for (const f of found)
            chosen.add(f);
        return found;
    };
    callers.push(...callersOf(direct));
    // A caller that passes its own parameters on to a wrapper is a wrapper too: its callers are entry points as well.
    let level = direct.filter((f) => forwardsTo(f, (name) => runtimeHookCallee.test(name) || hookVariables.includes(name) || importedWrapper(f.file, name)));
    const wrappers = [...level];
    for (let depth = 1; depth < maxInlineDepth && level.length; depth++) {
        const names = new Set(level.map((f) => f.name));
        level = callers.filter((f) => !wrappers.includes(f) && forwardsTo(f, (name) => names.has(name.replace(/^.*\./, ''))));
        wrappers.push(...level);
        callers.push(...callersOf(level));
    }
    return { direct, callers, clearing, wrappers };
}
/** The wrappers of each package of the module, found once for the run. */
const packageWrappers = new WeakMap();
function wrappersOf(pkg, scan) {
    let wrappers = packageWrappers.get(pkg);
    if (wrappers)
        return wrappers;
    // Set first: a package met again while its wrappers are being found has none yet.
    packageWrappers.set(pkg, (wrappers = { functions: new Set(), methods: new Set() }));
    pkg.load((file) => callPattern.test(file.text) || scan.callsWrapper(file.text));
    for (const f of finalizerFunctions(pkg, scan).wrappers)
        (f.receiver ? wrappers.methods : wrappers.functions).add(f.name);
    return wrappers;
}
/** Whether the same code removes this finalizer or stops this cleanup later, at least as surely as it set it. */
function undoneLater(evaluation, undoings) {
    const set = evaluation.handle ? [evaluation.handle] : (evaluation.argObjects[0] ?? []);
    const targets = new Set(set.map((o) => o.id));
    return undoings.some((u) => u.run === evaluation.run && u.order > evaluation.order && u.conditional <= evaluation.conditional && u.targets.some((o) => targets.has(o.id)));
}
/**
 * Runs the rules on one call; a fatal finding (the program dies there) stands
 * alone. Fatal rules see every way the call is reached: a finalizer removed
 * later does not save a program that dies at the call.
 */
function checkSite(site, kept, clearing) {
    const results = [];
    for (const rule of rules) {
        if (!rule.kinds.includes(site.kind) || (clearing && !rule.checksRemoval))
            continue;
        const evaluations = rule.fatal ? site.evaluations : kept;
        if (!evaluations.length)
            continue;
        const report = rule.check({ ...site, evaluations });
        if (!report)
            continue;
        if (rule.fatal)
            return [{ rule, report }];
        results.push({ rule, report });
    }
    return results;
}
function analyzePackage(pkg, scan, reporter, notice, stats, releaseFor, reportsIn = () => true) {
    const interpreter = new Interpreter(pkg, { effectsOf: calleeEffects });
    // The package's scan is shared by the runs of a package and its tests: each counts what it added, and the summaries it used.
    const scanStepsBefore = packageScanSteps(pkg);
    const summarySteps = chargeSummaries();
    const evaluations = new Map();
    for (const root of rootFunctions(pkg, scan)) {
        if (!reportsIn(root.file))
            continue;
        for (const evaluation of interpreter.interpretRoot(root)) {
            // A wrapper's own call, met with its parameters: its callers' calls are the sites.
            if (evaluation.forwardedFromRoot)
                continue;
            const list = evaluations.get(evaluation.call.id) ?? [];
            list.push(evaluation);
            evaluations.set(evaluation.call.id, list);
        }
    }
    for (const bound of interpreter.bounds) {
        notice(bound.file.path, bound.node, `analysis bounded here: ${bound.reason}; ${bound.root.name} is not analyzed beyond this point`);
    }
    const undoings = [
        ...[...evaluations.values()].flat().filter(removesFinalizer).map((e) => ({ ...e, targets: e.argObjects[0] ?? [] })),
        ...interpreter.stops.map((s) => ({ ...s, targets: s.handles })),
    ];
    let sites = 0;
    const analyzed = [];
    for (const all of evaluations.values()) {
        const first = all[0];
        const go = releaseFor(first.file);
        const site = { kind: first.kind, call: first.call, args: first.args, file: first.file, pkg, evaluations: all, interpreter, go };
        analyzed.push(site);
        if (!reportsIn(first.file))
            continue;
        sites++;
        const clearing = removesFinalizer(first);
        const kept = clearing ? all : all.filter((e) => !undoneLater(e, undoings));
        startSearches();
        const results = checkSite(site, kept, clearing);
        // The rules' searches are work like the interpretation's: counted, and bounded for each call.
        const searched = searchesMade();
        stats.steps += Math.min(searched, searchBudget);
        if (searched > searchBudget) {
            notice(first.file.path, first.call, `analysis bounded here: checking the call reads more than ${searchBudget} references; the call is not checked beyond that`);
        }
        for (const { rule, report } of results) {
            reporter.add(rule, first.file.path, first.call, report.message, relatedLocations(reporter, [...report.related, ...wrapperChain(all)]), go, report.fix);
        }
    }
    for (const rule of packageRules) {
        for (const report of rule.checkPackage(pkg, analyzed, reportsIn)) {
            reporter.add(rule, report.file.path, report.node, report.message, relatedLocations(reporter, report.related), releaseFor(report.file), report.fix);
        }
    }
    stats.sites += sites;
    stats.steps += interpreter.stepsTaken + packageScanSteps(pkg) - scanStepsBefore + summarySteps();
}
/** The calls a wrapper call goes through down to runtime.SetFinalizer or AddCleanup, as related locations. */
function wrapperChain(evaluations) {
    const wrapped = evaluations.find((e) => e.wrapped.length)?.wrapped ?? [];
    return wrapped.map((place, i) => ({
        node: place.call,
        file: place.file,
        message: `${i === wrapped.length - 1 ? 'passed on to the runtime' : 'passed on'}: ${firstLine(place.call.text)}`,
    }));
}
/** Related nodes as the reporter's locations, each place and message once. */
function relatedLocations(reporter, nodes) {
    const related = nodes.map((r) => ({
        path: reporter.path(r.file.path),
        line: r.node.startPosition.row + 1,
        column: r.node.startPosition.column + 1,
        message: r.message,
    }));
    return firstOfEach(related, (r) => `${r.path}:${r.line}:${r.column}:${r.message}`);
}
/** The first item of each key, in order. */
function firstOfEach(items, key) {
    const seen = new Set();
    return items.filter((item) => {
        const k = key(item);
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}
const isTestFile = (path) => path.endsWith('_test.go');
/**
 * Whether the package's tests need analyzing: a test file names a call, or
 * calls one of the package's wrappers (`Track(h, fin)` where `Track` passes
 * its parameters on to runtime.SetFinalizer), whose site is then the test's.
 */
function testsMakeSites(tests, library, scan) {
    if (tests.some((s) => s.hasCall))
        return true;
    if (!library || !tests.length)
        return false;
    const wrappers = new Set(finalizerFunctions(library, scan).wrappers.map((f) => f.name));
    return wrappers.size > 0 && tests.some((s) => s.text !== undefined && callsAny(s, wrappers, callOrInstantiation));
}
/**
 * The build targets a directory needs so that every file with a call is
 * analyzed once with files it builds with, and its calls of another
 * package's wrappers also with the -tags that make the wrapper pass its
 * parameters on, when the target alone builds it as a no-op (`forWrappers`:
 * those targets, each with whether a test file's call needs it). Targets
 * with fewer build tags come first.
 */
function targetsFor(sources, scan) {
    const withCalls = sources.filter((s) => s.mayHoldSite);
    const targets = [];
    const unbuildable = [];
    for (const source of withCalls) {
        const fitting = targets.filter((target) => source.constraint(target)).map((target) => buildTagsOf(target).length);
        if (fitting.includes(0))
            continue;
        // A file that builds without -tags is analyzed so, even where another file's tagged target would build it.
        const tags = targetFor((0,external_node_path_namespaceObject.basename)(source.path), source.text);
        const needed = tags ? buildTagsOf(tags).length : Infinity;
        if (fitting.some((count) => count <= needed))
            continue;
        if (tags)
            targets.push(tags);
        else
            unbuildable.push(source);
    }
    const known = new Set(targets.map(tagsKey));
    // Targets added for wrappers, by their tags: whether a test file's call needs one.
    const forWrappers = new Map();
    for (const target of [...targets]) {
        for (const source of withCalls) {
            if (!scan || !source.constraint(target))
                continue;
            for (const tags of scan.tagsForWrappers(source.text, target)) {
                const tagged = new Set([...target, ...tags]);
                const key = tagsKey(tagged);
                if (known.has(key))
                    continue;
                if (!forWrappers.has(key))
                    targets.push(tagged);
                forWrappers.set(key, forWrappers.get(key) || isTestFile(source.path));
            }
        }
    }
    targets.sort((a, b) => buildTagsOf(a).length - buildTagsOf(b).length);
    return { targets, unbuildable, forWrappers };
}
/**
 * Analyzes a directory, or with `prefilterOnly` reads it only as far as the
 * prefilter and the result cache: a directory that ends there is done; one
 * that passes is left for the analysis, and the bytes of its files that may
 * call are returned (what its analysis will cost, roughly).
 */
async function analyzeDir(dir, reporter, options, stats, modules, cache, prefilterOnly) {
    const sources = dir.files.map(readSource);
    stats.bytes += sources.reduce((n, s) => n + s.bytes, 0);
    // A file that was not read may hold a call: it is named whatever the rest of the directory holds.
    for (const source of sources)
        if (source.unread)
            reporter.add(syntaxError, source.path, undefined, source.unread, []);
    const shortcuts = options.shortcuts ?? true;
    // The other packages of the module are read as the analysis asks for their names.
    const workspace = gomod_workspaceFor(dir.dir);
    const scan = workspace && modules.wrapperScan(workspace);
    // A file that calls a finalizer wrapper of another package of the module may call the runtime through it.
    for (const source of sources) {
        if (!source.buffer || !scan?.mayImport(source.buffer))
            continue;
        decode(source);
        if (source.text === undefined)
            continue;
        if (scan.callsWrapper(source.text))
            source.mentionsCall = source.hasCall = source.mayHoldSite = true;
        // Without shortcuts, any import of the module is followed: the prefilter above must never change a result.
        else if (!shortcuts && scan.importsOwnPackage(source.text))
            source.mentionsCall = source.mayHoldSite = true;
    }
    const callsHere = sources.some((s) => s.mentionsCall);
    if (shortcuts && !callsHere)
        return undefined;
    // A directory with a file that could not be read (or decoded) is analyzed each time: what it holds is not known.
    const entry = cache && sources.every((s) => s.buffer || s.text !== undefined)
        ? cache.entry(dir, sources.map((s) => ({ path: s.path, content: s.buffer ?? s.text })), workspace, scan, reporter.go.join('.'))
        : undefined;
    const cached = entry?.read();
    if (cached) {
        const { findings, stats: cachedStats } = unpackResult(cached);
        reporter.findings.push(...findings);
        for (const key of Object.keys(stats))
            stats[key] = cachedStats[key] ?? 0;
        return undefined;
    }
    // A cached result ends the prefilter too, so that only work left to do is spread over threads.
    if (prefilterOnly)
        return sources.reduce((n, s) => n + (s.mentionsCall ? s.bytes : 0), 0);
    sources.forEach(decode);
    for (const source of sources)
        if (source.text !== undefined)
            source.constraint = fileConstraint((0,external_node_path_namespaceObject.basename)(source.path), source.text);
    const parser = await goParser();
    const parsed = new Map();
    /** Constructs of newer Go the grammar does not know, by file: read as Go means them, and said so. */
    const newer = new Map();
    const parse = (source) => {
        let file = parsed.get(source.path);
        if (!file) {
            const result = parseGo(parser, source.text);
            if (!result)
                throw new Error(`the parser returned no tree for ${source.path}`);
            stats.parsedFiles++;
            if (result.newer)
                newer.set(source.path, result.newer);
            parsed.set(source.path, (file = readFileModel(source.path, source.text, result.tree)));
        }
        return file;
    };
    if (!shortcuts)
        for (const source of sources)
            if (source.text !== undefined)
                parse(source);
    const packageClause = /^package[ \t]+(\w+)/m;
    const { targets, unbuildable, forWrappers } = targetsFor(sources, scan);
    const noticed = new Set();
    const notice = (path, node, message) => {
        if (noticed.has(path))
            return;
        noticed.add(path);
        reporter.add(syntaxError, path, node, message, []);
    };
    for (const source of unbuildable)
        notice(source.path, undefined, 'no build target tried satisfies this file\'s build constraints; not analyzed');
    // Files that cannot be read as Go source are named wherever a call may be, even in themselves.
    if (callsHere)
        for (const source of sources)
            if (source.unreadable)
                notice(source.path, undefined, source.unreadable);
    for (const source of sources) {
        const problem = source.hasCall ? buildLineProblem(source.text) : undefined;
        if (problem)
            notice(source.path, undefined, problem);
    }
    const importPath = workspace && importPathOf(workspace, dir.dir);
    /** Analyzes one package from some of its files; only calls in files `reportsIn` accepts are reported. */
    /**
     * The release a file is analyzed for with these tags: the go directive's,
     * unless the file builds only with older releases (then the newest of
     * those) or only with newer ones (then the oldest of those).
     */
    const releaseFor = (tags) => {
        // Once per file: every site of the file asks the same.
        const releases = new Map();
        const sourceOf = new Map(sources.map((s) => [s.path, s]));
        const read = (path) => {
            const constraint = sourceOf.get(path)?.constraint;
            if (!constraint)
                return reporter.go;
            const { oldest, newest } = releasesBuilding(constraint, tags);
            if (!releaseAtLeast(newest, reporter.go))
                return newest;
            return releaseAtLeast(reporter.go, oldest) ? reporter.go : oldest;
        };
        return (file) => {
            let release = releases.get(file.path);
            if (!release)
                releases.set(file.path, (release = read(file.path)));
            return release;
        };
    };
    const analyzeVariant = (name, group, tags, reportsIn) => {
        const withCalls = group.filter((s) => s.mayHoldSite);
        if (!withCalls.length)
            return undefined;
        // Files without a call are read only when the analysis looks up a name they may declare.
        const loadMore = pendingFiles(shortcuts ? group.filter((s) => !withCalls.includes(s)) : [], parse);
        for (const source of withCalls) {
            const file = parse(source);
            const construct = newer.get(file.path);
            if (!file.hasErrors && construct) {
                notice(file.path, construct.node, `${construct.construct} (${JSON.stringify(construct.node.text.slice(0, 30))}) is Go 1.26 syntax that this tool's parser (tree-sitter-go 0.25) does not know; ` +
                    'it was read as Go 1.26 means it, and the whole file was analyzed');
            }
            if (!file.hasErrors)
                continue;
            const error = firstError(file.tree.rootNode);
            const where = !error ? '' : error.isMissing ? `: missing ${error.type}` : error.text ? ` near ${JSON.stringify(error.text.slice(0, 30))}` : '';
            notice(file.path, error, `syntax error${where}; the file was analyzed as far as its parse tree allows`);
        }
        const eager = shortcuts ? withCalls : group;
        const pkg = buildPackage(dir.dir, name, eager.map(parse), loadMore);
        if (workspace) {
            // An external test package (package p_test) has an import path of its own.
            pkg.path = importPath && name.endsWith('_test') && group.every((s) => isTestFile(s.path)) ? `${importPath}_test` : importPath;
            pkg.imported = modules.resolver(workspace, tags);
            if (scan)
                pkg.mayWrap = (path) => scan.mayWrap(path);
        }
        analyzePackage(pkg, scan, reporter, notice, stats, releaseFor(tags), reportsIn);
        return pkg;
    };
    const packages = new Set();
    const before = reporter.findings.length;
    for (const tags of targets) {
        const first = reporter.findings.length;
        const byPackage = new Map();
        for (const source of sources) {
            if (source.text === undefined || !source.constraint(tags))
                continue;
            const name = packageClause.exec(source.text)?.[1] ?? '';
            byPackage.set(name, [...(byPackage.get(name) ?? []), source]);
        }
        // A file whose package clause cannot be read belongs with the others.
        const unnamed = byPackage.get('');
        if (unnamed && byPackage.size > 1) {
            byPackage.delete('');
            byPackage.values().next().value.push(...unnamed);
        }
        for (const [name, packageFiles] of byPackage) {
            if (!packageFiles.some((s) => s.mayHoldSite))
                continue;
            packages.add(name);
            // As go vet does: the package alone, so that findings in its own files come from its own code, then
            // with its test files, reporting only the calls in those; a test's package-level variable is never
            // blamed on the library.
            const tests = packageFiles.filter((s) => isTestFile(s.path));
            const library = analyzeVariant(name, packageFiles.filter((s) => !isTestFile(s.path)), tags);
            // A target added for the library's calls of a wrapper has no call in the tests to analyze.
            const forTests = forWrappers.get(tagsKey(tags)) ?? true;
            if (forTests && testsMakeSites(tests, library, scan))
                analyzeVariant(name, packageFiles, tags, (file) => isTestFile(file.path));
        }
        // Targets without build tags come first, so a finding that needs no tag is reported as such, once.
        const chosen = buildTagsOf(tags);
        if (chosen.length) {
            for (const finding of reporter.findings.slice(first))
                if (finding.ruleId !== syntaxError.id)
                    finding.message += ` (when built with -tags ${chosen.join(',')})`;
        }
    }
    stats.packages += packages.size;
    const lines = new Map(sources.map((s) => [s.path, s.text?.split('\n') ?? []]));
    const added = reporter.findings.splice(before);
    // The same call analyzed for several targets is reported once.
    for (const finding of oncePerCall(added)) {
        if (finding.ruleId === syntaxError.id || !isSuppressed(finding, lines.get((0,external_node_path_namespaceObject.join)(options.root, finding.path)) ?? []))
            reporter.findings.push(finding);
    }
    for (const file of parsed.values())
        file.tree.delete();
    stats.modulePackages = modules.reached.size;
    entry?.write(packResult({ findings: reporter.findings, stats }));
    return undefined;
}
/** The first finding of each rule at each call. */
function oncePerCall(findings) {
    return firstOfEach(findings, (f) => `${f.ruleId}:${f.path}:${f.line}:${f.column}`);
}
function emptyStats() {
    return { packages: 0, files: 0, parsedFiles: 0, bytes: 0, sites: 0, steps: 0, modulePackages: 0 };
}
/** The result cache of a run on this thread (a worker receives the run's options once). */
const runCaches = new WeakMap();
function resultCacheFor(options) {
    if (runCaches.has(options))
        return runCaches.get(options);
    const { cacheDir, ...rest } = options;
    // Every option but where the cache is, in a fixed order; the release advice is given for is the reporter's, from go.mod or goVersion.
    const key = JSON.stringify(Object.keys(rest).sort(order_byCodePoint).map((k) => [k, rest[k]]));
    const cache = cacheDir ? new ResultCache((0,external_node_path_namespaceObject.resolve)(cacheDir), key) : undefined;
    runCaches.set(options, cache);
    return cache;
}
/** The module's packages a worker thread reads, one set for the run (a worker receives the run's options once). */
const threadModules = new WeakMap();
async function modulePackages(options) {
    return new ModulePackages(await goParser(), options.shortcuts ?? true, maxInlineDepth);
}
/** Analyzes the packages of one directory; worker threads run this too, sharing the module's packages over a run. */
async function analyzeDirectory(dir, options, modules) {
    return (await readDirectory(dir, options, modules, false)).result;
}
/**
 * A directory's result, or with `prefilterOnly`, when the directory passes
 * the prefilter, no result but the bytes of its files that may call.
 */
async function readDirectory(dir, options, modules, prefilterOnly) {
    if (!modules) {
        modules = threadModules.get(options) ?? (await modulePackages(options));
        threadModules.set(options, modules);
    }
    const stats = emptyStats();
    stats.files = dir.files.length;
    // Code whose module names no release is analyzed for the newest.
    const reporter = new Reporter(options, parseGoRelease(options.goVersion ?? goVersionFor(dir.dir)) ?? newestGo);
    modules.reached.clear();
    let passing;
    try {
        passing = await analyzeDir(dir, reporter, options, stats, modules, resultCacheFor(options), prefilterOnly);
    }
    catch (error) {
        if (error instanceof errors_UsageError)
            throw error;
        // A file system error (EACCES, EISDIR, ...) is the user's to fix; anything else is ours.
        const code = error.code;
        if (code && !code.startsWith('ERR_'))
            throw new errors_UsageError(`${reporter.path(dir.dir) || '.'}: ${error.message}`);
        throw error;
    }
    return { result: { findings: reporter.findings, stats }, passing };
}
function packResult({ findings, stats }) {
    const index = new Map();
    const packed = findings.map((f) => {
        let at = index.get(f.remediation);
        if (at === undefined)
            index.set(f.remediation, (at = index.size));
        return { ...f, remediation: at };
    });
    return { findings: packed, remediations: [...index.keys()], stats };
}
/** The findings of a packed result, sharing its remediation texts again. */
function unpackResult({ findings, remediations, stats }) {
    return { findings: findings.map((f) => ({ ...f, remediation: remediations[f.remediation] })), stats };
}
/**
 * The packages below root, other than the `changed` directories, that may
 * set a finalizer or cleanup (they name one, or import a wrapper of one) and
 * import a changed package, directly or through other packages of their
 * module: a change there (a new field, a store) can close a cycle for their
 * call. Read from text alone, so a superset; sorted.
 */
async function dependentPackages(changed, root) {
    const targets = new Set(changed.map((dir) => resolve(root, dir)));
    const modules = await modulePackages({ root });
    const texts = (dir) => goFilesIn(dir).map(readGoText).filter((text) => text !== undefined);
    const reaching = new Map();
    // Whether the package in dir imports a changed one, at any depth; Go has no import cycles, broken code that has one ends here.
    const reaches = (dir, scan) => {
        const known = reaching.get(dir);
        if (known !== undefined)
            return known;
        reaching.set(dir, false);
        const imported = texts(dir).flatMap((text) => scan.importedDirs(text));
        const found = imported.some((d) => targets.has(d)) || imported.some((d) => reaches(d, scan));
        reaching.set(dir, found);
        return found;
    };
    const dependents = [];
    try {
        for (const { dir } of discoverPackages(['...'], root).dirs) {
            const workspace = targets.has(dir) ? undefined : workspaceFor(dir);
            if (!workspace)
                continue;
            const scan = modules.wrapperScan(workspace);
            if (texts(dir).some((text) => callPattern.test(text) || scan.callsWrapper(text)) && reaches(dir, scan))
                dependents.push(dir);
        }
    }
    finally {
        modules.dispose();
    }
    return dependents;
}
/**
 * Analyzes Go packages named by patterns: a .go file (its package), a
 * directory (its package), or DIR/... (every package below, as the go tool
 * walks it). Throws UsageError for a pattern that names nothing readable.
 */
async function analyze(patterns, options) {
    const { dirs, skipped } = discoverPackages(patterns, options.root);
    const results = new Array(dirs.length);
    const modules = await modulePackages(options);
    // Threads are a shortcut: with shortcuts off, everything runs here. Otherwise every directory is read and
    // prefiltered here first: most end there, and the work that passes is queued for the threads, which start on it
    // while this one reads on, as soon as it pays for them.
    const pool = threadPool({ options }, (dir) => analyzeDirectory(dir, options, modules), unpackResult);
    try {
        const passing = [];
        let filesLeft = dirs.reduce((sum, dir) => sum + dir.files.length, 0);
        for (const [index, dir] of dirs.entries()) {
            filesLeft -= dir.files.length;
            if (options.shortcuts === false) {
                results[index] = await analyzeDirectory(dir, options, modules);
                continue;
            }
            const read = await readDirectory(dir, options, modules, true);
            if (read.passing === undefined)
                results[index] = read.result;
            else {
                passing.push(index);
                pool.add(dir, read.passing, filesLeft);
            }
        }
        const analyzed = await pool.results();
        passing.forEach((index, i) => (results[index] = analyzed[i]));
    }
    finally {
        await pool.dispose();
        modules.dispose();
    }
    const stats = emptyStats();
    const findings = [];
    for (const result of results) {
        findings.push(...result.findings);
        for (const key of Object.keys(stats))
            stats[key] += result.stats[key];
    }
    findings.sort(compareByPlace);
    // A call in another package of the module, reached from several packages analyzed, is reported once.
    return { findings: oncePerCall(findings), stats, skipped };
}

;// CONCATENATED MODULE: ./src/worker.ts
// Entry of a worker thread (dist/worker.js): analyzes directories with its own parser.



serveThreads(external_node_worker_threads_namespaceObject.workerData, external_node_worker_threads_namespaceObject.parentPort, async (dir, { options }) => packResult(await analyzeDirectory(dir, options)));

