/** Inputs whose nesting no recursive walk survives, each `depth` deep: name -> Go source of one file. */
export function deepInputs(depth: number): Record<string, string>;
/** Code Go rejects: name -> Go source of one file. */
export function rejectedInputs(): Record<string, string>;
/** The super-linear shapes: name -> package (file name -> Go source); `scale` 1 is full size. */
export function slowInputs(scale?: number): Record<string, Record<string, string>>;
/** A finalized holder of `elements` objects, set through a helper called `calls` times: file name -> Go source. */
export function searchedHolder(elements: number, calls: number): Record<string, string>;
