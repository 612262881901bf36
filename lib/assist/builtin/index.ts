/** The built-in recognizer; its evaluation (evaluate.ts) is tooling and stays out of this surface. */
export { builtinRecognizer, BUILTIN_ORIGIN, COMPROMISE_LABELS, DEFAULT_BUILTIN_OPTIONS, type BuiltinOptions } from "./builtin-recognizer";
