// One TLS context per intercepted host, made on first use and kept. All leaves share the CA folder's leaf key,
// so a new host costs one native signature and a context, not a key generation.
import { createSecureContext, type SecureContext } from 'node:tls'
import { createLeafCert } from './certs'
import type { CaMaterial } from './ca-store'

/** Enough for every MiMo host many times over; a bound so odd clients cannot grow it forever. */
const MAX_HOSTS = 512

export class LeafCache {
  private readonly ready = new Map<string, SecureContext>()
  private readonly pending = new Map<string, Promise<SecureContext>>()
  private generation = 0

  constructor(private ca: CaMaterial) {}

  /** The context if it is already made: the common case, with no await on the connection's path. */
  peek(host: string): SecureContext | undefined {
    return this.ready.get(host)
  }

  get(host: string): Promise<SecureContext> {
    const done = this.ready.get(host)
    if (done) return Promise.resolve(done)
    let p = this.pending.get(host)
    if (!p) {
      const generation = this.generation
      p = this.make(host).then(
        (context) => {
          if (generation === this.generation) {
            if (this.ready.size >= MAX_HOSTS) this.ready.delete(this.ready.keys().next().value!)
            this.ready.set(host, context)
            this.pending.delete(host)
          }
          return context
        },
        (err: unknown) => {
          this.pending.delete(host)
          throw err
        }
      )
      this.pending.set(host, p)
    }
    return p
  }

  /** Forgets every leaf: after a CA change, new connections get leaves from the new CA. */
  reset(ca: CaMaterial): void {
    this.ca = ca
    this.generation++
    this.ready.clear()
    this.pending.clear()
  }

  private async make(host: string): Promise<SecureContext> {
    const ca = this.ca
    const cert = await createLeafCert(host, ca.leafPublic, ca)
    return createSecureContext({ key: ca.leafKeyPem, cert })
  }
}
