#include "functionruntime.h"

#include <QFile>
#include <QJSEngine>
#include <QJSValue>
#include <QLoggingCategory>

#include <condition_variable>
#include <mutex>
#include <thread>

Q_LOGGING_CATEGORY(lcFunctions, "tm.sandbox.functions")

namespace {
QString twimlSource()
{
    static const QString source = [] {
        QFile file(QStringLiteral(":/sandbox/twiml.js"));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }();
    return source;
}

// Interrupts the engine when the handler runs past its time (a loop that never ends).
class Watchdog
{
public:
    Watchdog(QJSEngine &engine, int timeoutMs)
        : m_thread([this, &engine, timeoutMs] {
            std::unique_lock<std::mutex> lock(m_mutex);
            if (!m_done.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                                 [this] { return m_finished; })) {
                m_fired = true;
                engine.setInterrupted(true); // thread-safe by Qt's contract
            }
        })
    {}
    ~Watchdog()
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_finished = true;
        }
        m_done.notify_one();
        m_thread.join();
    }
    bool fired()
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_fired;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_done;
    bool m_finished = false;
    bool m_fired = false;
    std::thread m_thread;
};

QJSValue toScript(QJSEngine &engine, const QJsonValue &value)
{
    if (value.isUndefined())
        return QJSValue(QJSValue::UndefinedValue);
    if (value.isNull())
        return QJSValue(QJSValue::NullValue);
    return engine.toScriptValue(value.toVariant());
}

QString describe(const QJSValue &error)
{
    if (error.isError())
        return error.property(QStringLiteral("message")).toString();
    return error.toString();
}
} // namespace

FunctionRuntime::Result FunctionRuntime::run(const QString &code, const QJsonValue &context,
                                             const QJsonValue &event, int timeoutMs)
{
    Result result;
    QJSEngine engine;
    engine.installExtensions(QJSEngine::ConsoleExtension);
    const QJSValue twiml = engine.evaluate(twimlSource(), QStringLiteral("twiml.js"));
    if (twiml.isError() || twimlSource().isEmpty()) {
        result.error = QStringLiteral("the TwiML library did not load: ") + describe(twiml);
        return result;
    }
    // The module wrapper Node.js gives a file: exports, and a require that says what is missing.
    const QJSValue wrapper =
        engine.evaluate(QStringLiteral("(function (exports, require, module) {\n") + code +
                            QStringLiteral("\n;return module.exports;})"),
                        QStringLiteral("function.js"));
    if (wrapper.isError()) {
        result.error = QStringLiteral("the Function does not load: ") + describe(wrapper);
        return result;
    }
    QJSValue exports = engine.newObject();
    QJSValue module = engine.newObject();
    module.setProperty(QStringLiteral("exports"), exports);
    const QJSValue require = engine.evaluate(QStringLiteral(
        "(function (name) { throw new Error('require(\\'' + name + '\\') is not available in "
        "the sandbox'); })"));
    Watchdog watchdog(engine, timeoutMs);
    const QJSValue loaded = wrapper.call({exports, require, module});
    const QJSValue handler = loaded.property(QStringLiteral("handler"));
    if (watchdog.fired()) {
        result.error = QStringLiteral("the Function ran past %1 ms while loading").arg(timeoutMs);
        return result;
    }
    if (loaded.isError() || !handler.isCallable()) {
        result.error = loaded.isError()
                           ? QStringLiteral("the Function threw while loading: ") + describe(loaded)
                           : QStringLiteral("the Function exports no handler");
        return result;
    }
    // The callback is JavaScript so it sees the VoiceResponse as it is; it keeps the first answer.
    const QJSValue state = engine.evaluate(QStringLiteral(
        "(function () { var s = { called: 0, error: null, body: null, xml: false };"
        "  s.callback = function (error, body) {"
        "    s.called++; if (s.called > 1) return;"
        "    if (error) { s.error = error instanceof Error ? error.message : String(error); "
        "return; }"
        "    s.xml = body !== null && typeof body === 'object' &&"
        "            body instanceof Twilio.twiml.VoiceResponse;"
        "    s.body = body === undefined || body === null ? '' :"
        "             (typeof body === 'object' && !s.xml ? JSON.stringify(body) : String(body));"
        "  }; return s; })()"));
    const QJSValue returned = handler.call({toScript(engine, context), toScript(engine, event),
                                            state.property(QStringLiteral("callback"))});
    if (watchdog.fired()) {
        result.error = QStringLiteral("the Function ran past %1 ms").arg(timeoutMs);
        return result;
    }
    if (returned.isError()) {
        result.error = QStringLiteral("the Function threw: ") + describe(returned);
        return result;
    }
    const int called = state.property(QStringLiteral("called")).toInt();
    if (called == 0) {
        // Our runtime has no event loop for the handler: an answer later than its return is
        // never coming.
        result.error = QStringLiteral("the Function did not call back");
        return result;
    }
    if (const QJSValue error = state.property(QStringLiteral("error")); !error.isNull()) {
        result.error =
            QStringLiteral("the Function called back with an error: ") + error.toString();
        return result;
    }
    result.ok = true;
    result.body = state.property(QStringLiteral("body")).toString();
    result.contentType = state.property(QStringLiteral("xml")).toBool()
                             ? QStringLiteral("text/xml")
                             : QStringLiteral("text/html; charset=utf-8");
    qCDebug(lcFunctions) << "ran a Function:" << result.body.size() << "bytes";
    return result;
}
