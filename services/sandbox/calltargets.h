#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

// How the sandbox's SIP targets answer a call: by host (lower case, no port), a final SIP
// code (200 answers; 486 busy; 503, 404, ... as given) or Down (no answer at all, which
// Twilio reports as failed with 408). Hosts not listed answer 200. Set through
// POST /_sandbox/Targets (Host, Answer=down|<code>), cleared by DELETE, listed by GET.
class CallTargets
{
public:
    static constexpr int Down = 0;

    void set(const QString &host, int answer) { m_answers.insert(host.toLower(), answer); }
    void clear() { m_answers.clear(); }
    int answerOf(const QString &host) const { return m_answers.value(host.toLower(), 200); }
    QJsonObject toJson() const;

    // The host of a SIP URI (sip:user@host:port;params?headers), lower case.
    static QString hostOf(const QString &sipUri);

private:
    QHash<QString, int> m_answers;
};
