#pragma once

#include "callroute.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QUrl>

#include <optional>

// Reads what a voice TwiML document does, for verify: its first <Dial> (with the attributes
// that shape the call and its one noun), or how it ends (<Redirect>, <Reject>, <Say> then
// <Hangup>, <Hangup>). Anything that is not a <Response> is an error, never a guess.
struct TwimlAnswer
{
    std::optional<DialAttempt> dial;
    CallEnd end; // when there is no <Dial>, or what follows a <Dial> without action
};

class TwimlReader
{
    Q_DECLARE_TR_FUNCTIONS(TwimlReader)

public:
    // documentUrl resolves relative action and redirect URLs, as Twilio does (RFC 3986).
    static TwimlAnswer read(const QByteArray &document, const QUrl &documentUrl);
};
