// Entry of the bench's helper processes: `upstream` (the local upstream) or `pipe TARGET` (the bare Node pipe
// proxy), each listening on a free loopback port it prints as `LISTENING url`.
import { listen, pipeProxy, upstream } from './loopback'

const [role, target] = process.argv.slice(2)
const server = role === 'pipe' ? pipeProxy(target) : upstream()
process.stdout.write(`LISTENING ${await listen(server)}\n`)
process.on('SIGTERM', () => process.exit(0))
