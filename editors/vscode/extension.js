// Starts `postcheck server` for post files and hands it to VS Code's language client.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

// Post files: Markdown with front matter, YAML, JSON and bulk CSV (the formats postcheck reads).
const DOCUMENTS = ["markdown", "yaml", "json", "csv"].map((language) => ({ scheme: "file", language }))
  .concat([{ scheme: "file", pattern: "**/*.{md,markdown,yaml,yml,json,csv}" }]);

function expand(value) {
  return value.startsWith("~") ? path.join(os.homedir(), value.slice(1)) : value;
}

// The interpreter the Python extension has selected for this workspace, as ruff's extension asks for it.
async function selectedInterpreter() {
  const python = vscode.extensions.getExtension("ms-python.python");
  if (!python) {
    return undefined;
  }
  try {
    const api = python.isActive ? python.exports : await python.activate();
    const environments = api && api.environments;
    if (!environments) {
      return undefined;
    }
    const active = environments.getActiveEnvironmentPath(vscode.workspace.workspaceFolders?.[0]?.uri);
    const resolved = await environments.resolveEnvironment(active);
    return resolved?.executable?.uri?.fsPath;
  } catch (error) {
    return undefined;
  }
}

// postcheck.path first, then postcheck.interpreter or the selected interpreter with `-m postcheck`, then PATH.
async function serverCommand() {
  const settings = vscode.workspace.getConfiguration("postcheck");
  for (const candidate of settings.get("path", []).map(expand)) {
    if (fs.existsSync(candidate)) {
      return { command: candidate, args: ["server"] };
    }
  }
  const interpreters = settings.get("interpreter", []).map(expand);
  const interpreter = interpreters.find((p) => fs.existsSync(p)) || (await selectedInterpreter());
  if (interpreter) {
    return { command: interpreter, args: ["-m", "postcheck", "server"] };
  }
  return { command: "postcheck", args: ["server"] };
}

async function start() {
  const server = await serverCommand();
  client = new LanguageClient(
    "postcheck",
    "postcheck",
    { run: server, debug: server },
    {
      documentSelector: DOCUMENTS,
      synchronize: {
        // The server re-reads its config when these change on disk.
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{postcheck.toml,pyproject.toml,postcheck-baseline.json}"),
      },
    },
  );
  await client.start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("postcheck.restart", async () => {
      if (client) {
        await client.stop();
      }
      await start();
    }),
  );
  try {
    await start();
  } catch (error) {
    vscode.window.showErrorMessage(`postcheck: cannot start the language server (${error}). Set postcheck.path.`);
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
