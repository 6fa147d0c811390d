#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QRandomGenerator>

// Every fault knob of the sandbox; the `twilio-sandbox` flags and POST /_sandbox/Faults map
// one to one onto these fields. Rates are fractions of requests (0..1).
struct FaultSettings
{
    // Friendly faults: nothing changes on the server.
    double failRate = 0.0;   // answered 500/503 before anything is applied
    double failWrites = 0.0; // ... for writes (POST, DELETE) only, at least; reads answered
    double dropRate = 0.0;   // connection closed unanswered before anything is applied
    // Hard faults, as real Twilio produces them (writes: POST and DELETE only).
    double applyThenDrop = 0.0;  // the write takes effect, then the connection closes
    double applyThen5xx = 0.0;   // the write takes effect, the answer is 500/503
    double ignoreWrite = 0.0;    // an update answered 200 (a DELETE 204) with nothing changed
    int delayApplyMs = 0;        // a write is held this long before it is applied and answered
    double delayApplyRate = 1.0; // ... for this fraction of writes (when delayApplyMs > 0)
    // Broken answers (any request).
    double stallBody = 0.0;    // headers, then no byte of the body, connection kept open
    double oversizeBody = 0.0; // a body streamed far past any sane size

    QJsonObject toJson() const;
    // Applies the keys present in `form` (snake_case names as in toJson()); false with *error
    // naming the first bad value, nothing changed then.
    bool apply(const QHash<QString, QString> &form, QString *error);
};

// Decides, per request, whether the sandbox answers normally or which fault it produces.
// Deterministic for a given seed and sequence of requests; changing a rate never shifts the
// draws of later requests.
class SandboxFaults
{
public:
    enum class Decision {
        Answer,
        Fail500,
        Fail503,
        Drop,
        ApplyThenDrop,
        ApplyThen500,
        ApplyThen503,
        IgnoreWrite,
        DelayApply,
        StallBody,
        OversizeBody,
    };

    explicit SandboxFaults(quint32 seed);

    const FaultSettings &settings() const { return m_settings; }
    FaultSettings &settings() { return m_settings; }

    void setFailRate(double rate) { m_settings.failRate = qBound(0.0, rate, 1.0); }
    void setDropRate(double rate) { m_settings.dropRate = qBound(0.0, rate, 1.0); }
    // Requests with this HTTP method fail at `rate` instead of failRate() (e.g. only DELETEs,
    // to exercise what a client does when just one kind of call fails); a negative rate
    // removes the override.
    void setMethodFailRate(const QByteArray &method, double rate);
    double failRate() const { return m_settings.failRate; }
    double failRate(const QByteArray &method) const;
    double dropRate() const { return m_settings.dropRate; }

    // `update`: the request changes an existing resource (an instance POST or a DELETE); only
    // those are ignored (Twilio never answers a create 201 without creating).
    Decision next(const QByteArray &method = {}, bool update = false);

    static bool isWrite(const QByteArray &method) { return method == "POST" || method == "DELETE"; }

private:
    QRandomGenerator m_random;
    QRandomGenerator m_hardRandom; // its own stream: the friendly faults' draws stay as they were
    FaultSettings m_settings;
    QHash<QByteArray, double> m_methodFailRates; // upper-case method -> rate
};
