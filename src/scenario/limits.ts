/** Bounds of the scenario format, shared by the validator and the engine's fast loader. */

/** Python's `for` and `while` blocks nest at most 20 deep in a function. */
export const MAX_REPEAT_DEPTH = 10;
export const MAX_SLEEP_SECONDS = 1e9;
export const MAX_TASKS = 1_000_000;
export const MAX_STEPS = 5_000_000;
