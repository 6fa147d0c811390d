#pragma once

#include <QString>
#include <QStringList>

// Replaces registered secrets (auth tokens, API secrets) in text before it is stored or
// written. Defence in depth: callers are not supposed to pass secrets at all, but a Twilio error
// message or a pasted URL could still carry one.
class SecretRedactor
{
public:
    // Empty values are ignored. The percent-encoded form is registered too, because a secret
    // can reach us inside a URL.
    void addSecret(const QString &secret);
    QString redact(QString text) const;
    bool isEmpty() const { return m_secrets.isEmpty(); }

    static constexpr auto Mask = "[redacted]";

private:
    QStringList m_secrets; // longest first, so a secret containing another is masked whole
};
