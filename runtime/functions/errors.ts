/**
 * Errors raised by the function library.
 * @see https://ekuiper.org/docs/en/latest/sqls/functions/overview.html
 */

/**
 * A bad function call found at rule creation: unknown function, wrong number of arguments, or a bad literal
 * argument. The message names the function, the argument position (1-based) and the fix, e.g.
 * `function abs: expects 1 argument but found 2`.
 * The planner should wrap it in its plan error (eKuiper `PlanError`, HTTP 422).
 */
export class FunctionArgError extends Error {
  /** Lower-case function name. */
  readonly functionName: string;
  /** 1-based argument position at fault, when one argument is at fault. */
  readonly argIndex?: number;

  /**
   * @param functionName lower-case function name
   * @param message full message (already prefixed with `function <name>: `)
   * @param argIndex 1-based argument position at fault
   */
  constructor(functionName: string, message: string, argIndex?: number) {
    super(message);
    this.name = 'FunctionArgError';
    this.functionName = functionName;
    this.argIndex = argIndex;
  }
}

/**
 * A runtime failure inside a function (bad argument type or value for this row). Functions build it with
 * {@link funcError}, which prefixes the message with `<name>: `.
 * The engine turns it into an error row `{"error": message}` when the rule option `sendError` is true.
 */
export class FunctionError extends Error {
  /** Lower-case function name. */
  readonly functionName: string;

  /**
   * @param functionName lower-case function name
   * @param message full message
   */
  constructor(functionName: string, message: string) {
    super(message);
    this.name = 'FunctionError';
    this.functionName = functionName;
  }
}

/**
 * Builds a {@link FunctionError} with the message `<name>: <detail>`, e.g. `abs: expects a number but found "a"`.
 * @param name function name
 * @param detail what went wrong and, where useful, how to fix it
 */
export function funcError(name: string, detail: string): FunctionError {
  return new FunctionError(name, `${name}: ${detail}`);
}

/**
 * Builds a {@link FunctionArgError} with the message `function <name>: <detail>`.
 * @param name function name
 * @param detail what is wrong and the fix
 * @param argIndex 1-based argument position at fault
 */
export function argError(name: string, detail: string, argIndex?: number): FunctionArgError {
  return new FunctionArgError(name, `function ${name}: ${detail}`, argIndex);
}
