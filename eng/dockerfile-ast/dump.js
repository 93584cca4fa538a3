// Prints how rcjsuen's dockerfile-ast (the parser behind VS Code's Dockerfile support) reads each
// Dockerfile named on the command line, as one JSON array: per file its parser directives and its
// instructions (keyword, flags, arguments), with quoting and continuations resolved where
// dockerfile-ast resolves them, so two spellings of one instruction compare equal.
//   node eng/dockerfile-ast/dump.js <Dockerfile>...
'use strict';
const fs = require('fs');
const path = require('path');
const ast = require(path.join(__dirname, '..', '.tools', 'node_modules', 'dockerfile-ast'));

function argumentsOf(instruction) {
  if (instruction instanceof ast.PropertyInstruction) {
    // ENV, LABEL, ARG: name and value, the value without its quotes and escapes.
    return instruction.getProperties().map(p => p.getValue() === null ? p.getName() : `${p.getName()}=${p.getValue()}`);
  }
  if (instruction instanceof ast.JSONInstruction && instruction.getOpeningBracket() !== null) {
    return instruction.getJSONStrings().map(s => s.getJSONValue());
  }
  return instruction.getArguments().map(a => a.getValue());
}

function flagsOf(instruction) {
  if (!(instruction instanceof ast.ModifiableInstruction)) {
    return [];
  }
  return instruction.getFlags().map(f => f.getValue() === null ? f.getName() : `${f.getName()}=${f.getValue()}`);
}

// The text of a range of the document, for heredoc bodies (dockerfile-ast gives their ranges only).
function textOf(document, range) {
  if (range === null) {
    return '';
  }
  return document.getText(range);
}

function describe(instruction, document) {
  const entry = { keyword: instruction.getKeyword(), flags: flagsOf(instruction), arguments: argumentsOf(instruction) };
  if (typeof instruction.getHeredocs === 'function') {
    entry.heredocs = instruction.getHeredocs().map(h => ({ name: h.getName(), content: textOf(document, h.getContentRange()) }));
  }
  if (instruction instanceof ast.Onbuild && instruction.getTriggerInstruction()) {
    entry.trigger = describe(instruction.getTriggerInstruction(), document);
  }
  return entry;
}

const { TextDocument } = require(path.join(__dirname, '..', '.tools', 'node_modules', 'vscode-languageserver-textdocument'));

const files = process.argv.slice(2).map(file => {
  const content = fs.readFileSync(file, 'utf8');
  const document = TextDocument.create(file, 'dockerfile', 1, content);
  const dockerfile = ast.DockerfileParser.parse(content);
  return {
    file,
    directives: dockerfile.getDirectives().map(d => ({ name: d.getName(), value: d.getValue() })),
    instructions: dockerfile.getInstructions().map(i => describe(i, document)),
  };
});
process.stdout.write(JSON.stringify(files));
