#pragma once

#include <QJsonValue>
#include <QString>

// Runs the code of a Twilio Function as the Functions runtime does, in Qt's JavaScript engine:
// the file's `exports.handler(context, event, callback)` with `context` (the environment's
// variables, DOMAIN_NAME, PATH), `event` (the request's parameters) and a callback, and the
// global `Twilio` of resources/sandbox/twiml.js (Twilio.twiml.VoiceResponse). Each run has an
// engine of its own, so nothing of one call leaks into the next; `require` is not offered
// (Twilio's Node built-ins and npm dependencies are not emulated) and fails the run.
class FunctionRuntime
{
public:
    struct Result
    {
        bool ok = false;
        QString body;        // the TwiML (or text) handed to the callback
        QString contentType; // text/xml for a VoiceResponse, else text/html (as Functions do)
        QString error;       // why the run failed: threw, called back with an error, ...
    };

    // Twilio Functions stop a handler after 10 s.
    static constexpr int DefaultTimeoutMs = 10000;

    // `context` and `event` are objects as Twilio passes them; undefined or null are passed on
    // as such (a handler must survive them).
    static Result run(const QString &code, const QJsonValue &context, const QJsonValue &event,
                      int timeoutMs = DefaultTimeoutMs);
};
