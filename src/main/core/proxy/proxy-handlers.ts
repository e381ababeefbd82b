// Calls that show and change the proxies: status, upstream profile, forward proxy on/off, a new CA.
import { ApiArgError } from '../../../shared/api'
import type { ProxyStatus } from '../../../shared/types'
import type { EventHub } from '../events'
import type { Handlers } from '../handler-kit'
import { CaptureListError, parseCaptureList } from './mitm'
import type { ProxyControl } from './proxy-control'

export function proxyHandlers({ proxy, events }: { proxy: ProxyControl; events: EventHub }): Handlers<'proxy:status' | 'proxy:set-upstream' | 'proxy:set-mitm' | 'proxy:regenerate-ca'> {
  const announce = (): ProxyStatus => {
    const status = proxy.status()
    events.emit('proxy:status', status)
    return status
  }
  return {
    'proxy:status': async () => proxy.status(),
    'proxy:set-upstream': async ({ profile, url }) => {
      proxy.setUpstream(profile, url)
      return announce()
    },
    'proxy:set-mitm': async ({ enabled, port, captureHosts }) => {
      let hosts: string[]
      try {
        hosts = captureHosts ? parseCaptureList(captureHosts) : proxy.currentCaptureHosts()
      } catch (err) {
        if (err instanceof CaptureListError) throw new ApiArgError(err.message)
        throw err
      }
      await proxy.setMitm(enabled, port, hosts)
      return announce()
    },
    'proxy:regenerate-ca': async () => {
      if (!(await proxy.regenerateCa())) throw new ApiArgError('turn the forward proxy on first')
      return announce()
    }
  }
}
