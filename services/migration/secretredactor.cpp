#include "secretredactor.h"

#include <QUrl>
#include <algorithm>

void SecretRedactor::addSecret(const QString &secret)
{
    if (secret.isEmpty())
        return;
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
    for (const QString &form : {secret, encoded}) {
        if (!m_secrets.contains(form))
            m_secrets.append(form);
    }
    std::sort(m_secrets.begin(), m_secrets.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QString SecretRedactor::redact(QString text) const
{
    for (const QString &secret : m_secrets)
        text.replace(secret, QLatin1String(Mask));
    return text;
}
