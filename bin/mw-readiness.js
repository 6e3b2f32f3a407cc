#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is TypeScript compiled to dist/ by `npm run build:node`
// (npm install's prepare step runs it). Sets process.exitCode rather than calling
// process.exit() so standard output is flushed before the process ends.
const path = require('path');

const entry = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
// The CLI's services, --demo's simulated site included; composed outside src/ because src never imports dev/.
const servicesEntry = path.join(__dirname, '..', 'dist', 'dev', 'simulator', 'cli-demo.js');
let cli;
let services;
try {
  cli = require(entry);
  services = require(servicesEntry).cliServices();
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && (String(error.message).includes(entry) || String(error.message).includes(servicesEntry))) {
    process.stderr.write('mw-readiness: the CLI is not built yet; run "npm run build:node" (npm install does it).\n');
    process.exitCode = 2;
  } else {
    throw error;
  }
}

// `mw-readiness check | head` closes the pipe early: end quietly instead of with a stack trace.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode === undefined ? 0 : process.exitCode);
  throw error;
});

if (cli) {
  cli
    .main(
      process.argv.slice(2),
      {
        stdout: process.stdout,
        stderr: process.stderr,
        env: process.env,
        isTTY: Boolean(process.stdout.isTTY),
        // `fix --apply` asks before changing Jira only where someone can answer; elsewhere it needs --yes.
        ...(process.stdin.isTTY && process.stderr.isTTY
          ? { confirm: require(path.join(__dirname, '..', 'dist', 'src', 'cli', 'terminal-confirm.js')).terminalConfirm(process.stdin, process.stderr) }
          : {}),
      },
      services,
    )
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error) => {
        // main() catches everything it knows; this is a last resort without a stack trace.
        process.stderr.write(`mw-readiness: The run stopped unexpectedly: ${String((error && error.message) || error).split('\n')[0]}\n`);
        process.exitCode = 2;
      },
    );
}
