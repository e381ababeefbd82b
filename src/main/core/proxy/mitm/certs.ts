// Builds the CA and the per-host leaf certificates: ECDSA P-256, signed by Node's native crypto (off the
// event loop), so a new host costs well under a millisecond of main-thread time instead of an RSA keygen.
import { createHash, randomBytes, sign, type KeyObject, X509Certificate } from 'node:crypto'
import { isIP } from 'node:net'
import { bitString, bool, children, ctx, octets, oid, seq, set, time, uint, utf8 } from './der'

const ECDSA_WITH_SHA256 = seq(oid('1.2.840.10045.4.3.2'))
const DAY = 24 * 60 * 60 * 1000

/** A public key as certificates carry it, exported once (exporting costs more than building a leaf). */
export interface PublicKeyInfo {
  spki: Buffer
  keyId: Buffer
}

export function publicKeyInfo(publicKey: KeyObject): PublicKeyInfo {
  const spki = publicKey.export({ type: 'spki', format: 'der' })
  return { spki, keyId: createHash('sha1').update(spki).digest() }
}

export interface Issuer {
  /** The CA's subject Name, DER, copied byte for byte into each leaf's issuer field. */
  subject: Buffer
  keyId: Buffer
  key: KeyObject
}

function name(commonName: string): Buffer {
  return seq(set(seq(oid('2.5.4.10'), utf8('MiMo Inspector'))), set(seq(oid('2.5.4.3'), utf8(commonName.slice(0, 64)))))
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [bool(true)] : []), octets(value))
}

/** Key identifier: SHA-1 of the SubjectPublicKeyInfo (RFC 7093 allows any stable method). */
export function keyId(publicKey: KeyObject): Buffer {
  return publicKeyInfo(publicKey).keyId
}

function serial(): Buffer {
  const b = randomBytes(16)
  b[0] = (b[0] & 0x3f) | 0x40 // positive, no leading zero byte
  return b
}

function signAsync(tbs: Buffer, key: KeyObject): Promise<Buffer> {
  return new Promise((resolve, reject) => sign('sha256', tbs, key, (err, sig) => (err ? reject(err) : resolve(sig))))
}

async function certificate(fields: { subject: Buffer; issuer: Buffer; spki: Buffer; signer: KeyObject; notBefore: Date; notAfter: Date; extensions: Buffer[] }): Promise<string> {
  const tbs = seq(
    ctx(0, true, uint(Buffer.from([2]))), // v3
    uint(serial()),
    ECDSA_WITH_SHA256,
    fields.issuer,
    seq(time(fields.notBefore), time(fields.notAfter)),
    fields.subject,
    fields.spki,
    ctx(3, true, seq(...fields.extensions))
  )
  const der = seq(tbs, ECDSA_WITH_SHA256, bitString(await signAsync(tbs, fields.signer)))
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`
}

export function createCaCert(publicKey: KeyObject, privateKey: KeyObject, now = new Date()): Promise<string> {
  const stamp = `${now.toISOString().slice(0, 10)} ${randomBytes(3).toString('hex')}`
  const subject = name(`MiMo Inspector local CA ${stamp}`)
  const info = publicKeyInfo(publicKey)
  return certificate({
    subject,
    issuer: subject,
    spki: info.spki,
    signer: privateKey,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + 10 * 365 * DAY),
    extensions: [
      extension('2.5.29.19', true, seq(bool(true))), // basicConstraints: CA
      extension('2.5.29.15', true, bitString(Buffer.from([0x86]), 1)), // keyUsage: digitalSignature, keyCertSign, cRLSign
      extension('2.5.29.14', false, octets(info.keyId))
    ]
  })
}

/** A leaf for one host name or IP address, valid a year (browsers cap leaves at 398 days). */
export function createLeafCert(host: string, leafKey: PublicKeyInfo, issuer: Issuer, now = new Date()): Promise<string> {
  const san = isIP(host) ? ctx(7, false, ipBytes(host)) : ctx(2, false, Buffer.from(host, 'ascii'))
  return certificate({
    subject: name(host),
    issuer: issuer.subject,
    spki: leafKey.spki,
    signer: issuer.key,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + 365 * DAY),
    extensions: [
      extension('2.5.29.19', true, seq()), // basicConstraints: not a CA
      extension('2.5.29.15', true, bitString(Buffer.from([0x80]), 7)), // keyUsage: digitalSignature
      extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))), // extKeyUsage: serverAuth
      extension('2.5.29.17', false, seq(san)),
      extension('2.5.29.14', false, octets(leafKey.keyId)),
      extension('2.5.29.35', false, seq(ctx(0, false, issuer.keyId))) // authorityKeyIdentifier (strict verifiers want it)
    ]
  })
}

/** The subject Name of a certificate, as DER. */
export function subjectOf(cert: X509Certificate): Buffer {
  const [certificate] = children(cert.raw)
  const tbs = children(children(certificate.content)[0].content)
  const at = tbs[0].tag === 0xa0 ? 1 : 0 // explicit version present
  return tbs[at + 4].raw
}

function ipBytes(ip: string): Buffer {
  if (isIP(ip) === 4) return Buffer.from(ip.split('.').map(Number))
  const [head, tail = ''] = ip.split('::')
  const groups = (s: string): string[] => (s ? s.split(':') : [])
  let left = groups(head)
  let right = groups(tail)
  const v4 = (list: string[]): string[] => {
    const last = list.at(-1)
    if (!last?.includes('.')) return list
    const b = last.split('.').map(Number)
    return [...list.slice(0, -1), ((b[0] << 8) | b[1]).toString(16), ((b[2] << 8) | b[3]).toString(16)]
  }
  if (ip.includes('::')) right = v4(right)
  else left = v4(left)
  const fill = ip.includes('::') ? 8 - left.length - right.length : 0
  const all = [...left, ...Array(fill).fill('0'), ...right]
  const out = Buffer.alloc(16)
  all.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2))
  return out
}
