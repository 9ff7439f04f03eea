/** The engine's public surface: run a scenario, get a trace. */
export { Simulation, simulate, DEFAULT_LIMITS, type RunOptions } from './simulation';
export {
  Trace,
  type RunEnd,
  type BlockedTask,
  type Wait,
  type TraceTask,
  type TracePrimitive,
  type TracePrimitiveType,
} from './trace';
export * from './events';
export { formatTime } from './describe';
export {
  compileScenario,
  firstEndlessRepeat,
  singleSleep,
  stepPath,
  type CompiledScenario,
  type Program,
} from './program';
