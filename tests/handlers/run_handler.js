#!/usr/bin/env node
// Runs a generated Twilio Functions handler the way the Functions runtime does, with the real
// `twilio` npm package providing the global `Twilio`.
//
//   node run_handler.js HANDLER.js CASES.json
//
// CASES.json is a list of {"context": {...}, "event": {...}}. For each case one line is printed
// on stdout: the TwiML XML, or "ERROR: ..." when the handler threw, reported an error, or never
// called back. The exit status is 0 whenever every case was run.
'use strict';

const path = require('path');
const fs = require('fs');

let twilio;
try {
    twilio = require('twilio');
} catch (e) {
    process.stderr.write('The twilio npm package is missing: run `npm ci` in tests/handlers.\n');
    process.exit(3);
}
global.Twilio = twilio;

const [handlerPath, casesPath] = process.argv.slice(2);
if (!handlerPath || !casesPath) {
    process.stderr.write('usage: node run_handler.js HANDLER.js CASES.json\n');
    process.exit(2);
}
const { handler } = require(path.resolve(handlerPath));
const cases = JSON.parse(fs.readFileSync(casesPath, 'utf8'));

function oneLine(text) {
    return String(text).replace(/\r?\n/g, '\\n');
}

function runCase(testCase) {
    let output = null;
    const callback = (error, result) => {
        if (output !== null) {
            output = 'ERROR: callback called twice';
        } else if (error) {
            output = 'ERROR: ' + oneLine(error);
        } else {
            output = oneLine(result);
        }
    };
    try {
        handler(testCase.context, testCase.event, callback);
    } catch (e) {
        return 'ERROR: threw ' + oneLine(e && e.message);
    }
    // Our handlers answer synchronously; a missing answer is a failure, not a wait.
    return output === null ? 'ERROR: no callback' : output;
}

for (const testCase of cases) {
    process.stdout.write(runCase(testCase) + '\n');
}
