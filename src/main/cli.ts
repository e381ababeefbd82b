// The `mimo-inspector` command. Exit codes: 0 success, 2 bad input (one-line reason), 1 other failure.
import { Command, CommanderError, Option } from 'commander'
import pkg from '../../package.json'
import { DataDirLockedError } from './core/store/lock'
import { BadUpstreamError } from './core/proxy/upstreams'
import { DEFAULT_PROXY_PORT } from './core/inspector'
import { DATA_DIR_HELP, UsageError, dataDirOption, parseChoice, parseCount, parsePort } from './cli/common'
import { envCommand } from './cli/env'
import { listCommand } from './cli/list'
import { showCommand } from './cli/show'
import { diagnoseCommand } from './cli/diagnose'
import { exportCommand } from './cli/export'
import { minimizeCommand } from './cli/minimize'
import { clientsCommand } from './cli/clients'
import { DEFAULT_UI_PORT, serveCommand } from './cli/serve'
import { rulesCommand } from './cli/rules'

const program = new Command()
  .name('mimo-inspector')
  .description('Record LLM API traffic (Xiaomi MiMo, Anthropic- or OpenAI-compatible) and find out why a request failed.')
  .version(pkg.version)
  .exitOverride()
  .showHelpAfterError(false)

program
  .command('serve')
  .description('run the proxy and the web UI headless; prints the UI URL with its access token')
  .addOption(new Option('--port <n>', 'UI/API port').argParser(parsePort).default(DEFAULT_UI_PORT))
  .addOption(new Option('--proxy-port <n>', 'reverse (base-URL) proxy port').argParser(parsePort).default(DEFAULT_PROXY_PORT))
  .addOption(new Option('--mitm-port <n>', 'turn on the forward (HTTPS_PROXY) proxy on this port').argParser(parsePort))
  .option('--capture <hosts>', 'hosts the forward proxy intercepts, comma-separated (default *.xiaomimimo.com)')
  .option('--upstream <profile|url>', 'mimo, mimo-token-plan, mimo-token-plan-sgp, mimo-token-plan-ams, or a base URL')
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .addOption(new Option('--connect-timeout <seconds>', 'give up connecting to the upstream after this long (answers 504)').argParser(parseCount).default(15))
  .addOption(new Option('--idle-timeout <seconds>', 'give up when the upstream sends nothing for this long, first byte included (answers 504)').argParser(parseCount).default(600))
  .option('--listen <address>', 'address the proxy listens on (default 127.0.0.1; anything else lets others use the keys passing through)')
  .option('--repair <fixes>', 'repair rules for this run: fix ids applied to every request before it is forwarded, comma-separated (e.g. restore-thinking,restore-reasoning-content)')
  .option('--break <filter>', 'pause requests matching this filter (the list filter language) until continued in the UI; repeat for several', (v: string, all: string[] = []) => [...all, v])
  .addOption(new Option('--break-timeout <seconds>', 'a paused exchange continues unedited after this long (keep it under 300: Node fetch gives up on headers then)').argParser(parseCount).default(240))
  .action(async (o) => {
    await serveCommand({ ...o, dataDir: dataDirOption(o.dataDir), version: pkg.version })
  })

program
  .command('env')
  .description('print the lines to paste so an agent goes through the inspector')
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .addOption(new Option('--shell <shell>', 'bash, fish or powershell').argParser(parseChoice(['bash', 'fish', 'powershell'] as const)).default('bash'))
  .addOption(new Option('--mode <mode>', 'base-url or proxy').argParser(parseChoice(['base-url', 'proxy'] as const)).default('base-url'))
  .action((o) => envCommand(dataDirOption(o.dataDir), o.shell, o.mode))

program
  .command('list')
  .description('list the recorded exchanges, newest last')
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .option('--json', 'print JSON')
  .action((o) => listCommand(dataDirOption(o.dataDir), o.json === true))

program
  .command('show')
  .description('print one recorded exchange as an exchange file (secrets redacted)')
  .argument('<id>', 'exchange id (a unique prefix is enough)')
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .action((id: string, o) => showCommand(dataDirOption(o.dataDir), id))

program
  .command('diagnose')
  .description('explain why a request failed (or lint one that did not): an exchange file, a request body, a HAR, or a recorded exchange (with its conversation and the store as evidence)')
  .argument('<file|id>', 'exchange file, bare request body (JSON) or HAR; or a recorded exchange id (an existing file of that name wins)')
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .option('--json', 'print JSON: {protocol, status, findings (with fixes and evidence), culprit} (an array for a HAR)')
  .action((source: string, o) => diagnoseCommand(source, o.json === true, dataDirOption(o.dataDir)))

program
  .command('minimize')
  .description('shrink a failing request to the smallest one that fails the same way, against a real endpoint (key from MIMO_API_KEY), and write the repro bundle')
  .argument('<file>', 'exchange file, request body or HAR (its last failing request)')
  .requiredOption('--upstream <profile|url>', 'where to send the candidates: mimo, mimo-token-plan, … or a base URL')
  .addOption(new Option('--budget <n>', 'most requests to send').argParser(parseCount).default(60))
  .option('--out <dir>', 'folder for the bundle', 'repro')
  .action(async (file: string, o) => minimizeCommand(file, { upstream: o.upstream, budget: o.budget, out: o.out }))

program
  .command('export')
  .description('write a repro bundle (request, response, curl.sh, repro.mjs, README, HAR) with every secret removed')
  .argument('<file|id>', 'an exchange file, request body or HAR (its last failing request), or a recorded exchange id')
  .requiredOption('--out <dir>', 'folder to write the bundle to')
  .option('--zip', 'write repro.zip into the folder instead of loose files')
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .action((source: string, o) => exportCommand(source, o.out, o.zip === true, dataDirOption(o.dataDir)))

program
  .command('rules')
  .description('print the rule catalogue the diagnosis works from (the same as docs/rules.md)')
  .option('--json', 'print JSON: [{ref, id, title, file, checks, fixes, sources}]')
  .action((o) => rulesCommand(o.json === true))

program
  .command('clients')
  .description('list the known issues of coding agents and libraries: affected versions, the rule they trigger, the source, the workaround')
  .option('--json', 'print JSON: [{id, client, versions, providers, rules, problem, sources, workarounds, verified}]')
  .option('--client <name>', 'only this client (case-insensitive, part of the name is enough)')
  .action((o) => clientsCommand(o.json === true, o.client))

function fail(code: number, message: string): never {
  process.stderr.write(`mimo-inspector: ${message}\n`)
  process.exit(code)
}

try {
  await program.parseAsync(process.argv)
} catch (err) {
  if (err instanceof CommanderError) {
    // Commander already printed its message (help, version or the usage error).
    process.exit(err.exitCode === 0 ? 0 : 2)
  }
  if (err instanceof UsageError || err instanceof BadUpstreamError) fail(2, err.message)
  if (err instanceof DataDirLockedError) fail(1, err.message)
  fail(1, (err as Error).message)
}
