// A child process for the store crash tests (crash.test.ts): opens a data folder for writing, which migrates
// a format-1 folder, or compacts it, and says when it starts and ends so the test can kill it in between.
import { Store } from '../../src/main/core/store/store'

const [op, dir] = process.argv.slice(2)
process.stdout.write('start\n')
const t0 = performance.now()
const store = Store.open(dir)
if (op === 'compact') store.compact()
store.close()
process.stdout.write(`done ${(performance.now() - t0).toFixed(0)}\n`)
