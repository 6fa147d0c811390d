#pragma once

#include "enginecontext.h"
#include "twilioresult.h"
#include "voiceresources.h"

#include <QObject>

#include <functional>

// Re-reads a live number after an ambiguous answer. An error answer does not say whether the
// write happened (a 5xx, a dropped connection, a timeout: Twilio may have applied it), and an
// answer that looks fine may not show the change (Twilio ignoring a parameter); the live
// number decides. Tries a few rounds of the client's whole retry cycle, each waiting a little
// longer, so a short outage can pass.
class NumberReadBack : public QObject
{
    Q_OBJECT
public:
    using Then = std::function<void(const TwilioResult<IncomingPhoneNumber> &)>;

    NumberReadBack(const EngineContext &context, const QString &numberSid,
                   QObject *parent = nullptr);

    void read(const Then &then);

    static constexpr int Rounds = 3;

private:
    void readRound(int round, const Then &then);

    EngineContext m_context;
    QString m_sid;
};
