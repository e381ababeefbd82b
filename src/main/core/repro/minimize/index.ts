// The minimizer: shrink a failing request to the smallest one that fails the same way.
export { minimize, DEFAULT_BUDGET, OracleStop, type MinimizeOptions, type MinimizeResult, type MinimizeProgress, type Oracle } from './minimize'
export { errorFingerprint, normalizeErrorText, OK_FINGERPRINT } from './fingerprint'
export { predictedOracle, predictedTarget, type PredictContext } from './predicted-oracle'
