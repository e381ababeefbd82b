// The CA folder, `<dataDir>/ca/`: made once and reused so agents keep trusting the same certificate.
//   ca.pem     the CA certificate (what NODE_EXTRA_CA_CERTS points at)
//   ca.key     its private key, mode 0600
//   leaf.key   the one key pair every leaf certificate carries, mode 0600 (no key generation per host)
//   bundle.pem system roots + ca.pem, for OpenSSL-based tools (SSL_CERT_FILE, CURL_CA_BUNDLE, ...)
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject, X509Certificate } from 'node:crypto'
import { rootCertificates } from 'node:tls'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createCaCert, keyId, publicKeyInfo, subjectOf, type Issuer, type PublicKeyInfo } from './certs'

const generateEc = promisify(generateKeyPair)

export class CaError extends Error {}

export interface CaPaths {
  dir: string
  cert: string
  key: string
  leafKey: string
  bundle: string
}

export interface CaMaterial extends Issuer {
  paths: CaPaths
  certPem: string
  cert: X509Certificate
  leafPrivate: KeyObject
  leafPublic: PublicKeyInfo
  /** PEM of the leaf key, what tls.createSecureContext takes. */
  leafKeyPem: string
}

export function caPaths(dataDir: string): CaPaths {
  const dir = join(dataDir, 'ca')
  return { dir, cert: join(dir, 'ca.pem'), key: join(dir, 'ca.key'), leafKey: join(dir, 'leaf.key'), bundle: join(dir, 'bundle.pem') }
}

/** Loads the CA, creating it on first use; unreadable files are reported, never silently replaced. */
export async function loadOrCreateCa(dataDir: string): Promise<CaMaterial> {
  const paths = caPaths(dataDir)
  if (!existsSync(paths.cert) && !existsSync(paths.key)) return createCa(dataDir)
  let certPem: string
  let cert: X509Certificate
  let key: KeyObject
  try {
    certPem = readFileSync(paths.cert, 'utf8')
    cert = new X509Certificate(certPem)
    key = createPrivateKey(readFileSync(paths.key))
    if (!cert.ca) throw new Error('ca.pem is not a CA certificate')
    if (!cert.checkPrivateKey(key)) throw new Error('ca.key does not belong to ca.pem')
    if (Date.parse(cert.validTo) < Date.now()) throw new Error(`the CA expired on ${cert.validTo}`)
  } catch (err) {
    throw corrupt(paths, err)
  }
  lockDown(paths.key)
  let leafPrivate: KeyObject
  if (existsSync(paths.leafKey)) {
    try {
      leafPrivate = createPrivateKey(readFileSync(paths.leafKey))
    } catch (err) {
      throw corrupt(paths, err)
    }
    lockDown(paths.leafKey)
  } else {
    leafPrivate = (await generateEc('ec', { namedCurve: 'prime256v1' })).privateKey
    writeKey(paths.leafKey, leafPrivate)
  }
  writeBundle(paths, certPem)
  return material(paths, certPem, cert, key, leafPrivate)
}

/** A new CA and leaf key, replacing any old ones: certificates signed by the old CA stop verifying. */
export async function createCa(dataDir: string): Promise<CaMaterial> {
  const paths = caPaths(dataDir)
  const [ca, leaf] = await Promise.all([generateEc('ec', { namedCurve: 'prime256v1' }), generateEc('ec', { namedCurve: 'prime256v1' })])
  const certPem = await createCaCert(ca.publicKey, ca.privateKey)
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 })
  for (const file of [paths.cert, paths.key, paths.leafKey, paths.bundle]) rmSync(file, { force: true })
  writeKey(paths.key, ca.privateKey)
  writeKey(paths.leafKey, leaf.privateKey)
  writeAtomic(paths.cert, certPem, 0o644)
  writeBundle(paths, certPem)
  return material(paths, certPem, new X509Certificate(certPem), ca.privateKey, leaf.privateKey)
}

function material(paths: CaPaths, certPem: string, cert: X509Certificate, key: KeyObject, leafPrivate: KeyObject): CaMaterial {
  return {
    paths,
    certPem,
    cert,
    key,
    subject: subjectOf(cert),
    keyId: keyId(cert.publicKey),
    leafPrivate,
    leafPublic: publicKeyInfo(createPublicKey(leafPrivate)),
    leafKeyPem: leafPrivate.export({ type: 'pkcs8', format: 'pem' }).toString()
  }
}

function corrupt(paths: CaPaths, err: unknown): CaError {
  const reason = err instanceof Error ? err.message : String(err)
  return new CaError(`The forward proxy's certificate authority in ${paths.dir} is unusable (${reason}); delete ${paths.dir} to regenerate it, then make agents trust the new ca.pem`)
}

function writeKey(file: string, key: KeyObject): void {
  writeAtomic(file, key.export({ type: 'pkcs8', format: 'pem' }).toString(), 0o600)
}

/** Written under a temporary name and renamed, so a crash never leaves half a key behind. */
function writeAtomic(file: string, text: string, mode: number): void {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, text, { mode })
  chmodSync(tmp, mode) // the umask may have narrowed it; never widened
  renameSync(tmp, file)
}

/** Private keys are for this user only, even if something loosened them since. */
function lockDown(file: string): void {
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600)
}

const SYSTEM_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem']

/** Tools that take one CA file (curl, Python, OpenSSL) still need the public roots for other hosts. */
function writeBundle(paths: CaPaths, certPem: string): void {
  const system = SYSTEM_BUNDLES.find((f) => existsSync(f))
  let roots: string
  try {
    roots = system ? readFileSync(system, 'utf8') : rootCertificates.join('\n')
  } catch {
    roots = rootCertificates.join('\n')
  }
  writeAtomic(paths.bundle, `${roots.trimEnd()}\n\n# MiMo Inspector local CA\n${certPem}`, 0o644)
}
