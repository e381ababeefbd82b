// The forward (HTTPS_PROXY) capture mode. Wiring: see MitmProxy and proxyEnvVars.
export { MitmProxy, DEFAULT_MITM_PORT, type MitmProxyOptions } from './mitm-proxy'
export { proxyEnvVars } from './env'
export { CaError, caPaths } from './ca-store'
export { CaptureListError, DEFAULT_CAPTURE_HOSTS, parseCaptureList } from './capture-list'
