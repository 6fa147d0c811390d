#include "webhooksignature.h"

#include <QMap>
#include <QMessageAuthenticationCode>
#include <QStringList>

QByteArray WebhookSignature::sign(const QByteArray &authToken, const QString &url,
                                  const Parameters &parameters)
{
    // QMap orders by QString's operator<, UTF-16 code units: JavaScript's default sort.
    QMap<QString, QStringList> byName;
    for (const auto &[name, value] : parameters)
        byName[name].append(value);
    QString data = url;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        QStringList values = it.value();
        values.removeDuplicates();
        values.sort();
        for (const QString &value : std::as_const(values))
            data += it.key() + value;
    }
    return QMessageAuthenticationCode::hash(data.toUtf8(), authToken, QCryptographicHash::Sha1)
        .toBase64();
}

bool WebhookSignature::verify(const QByteArray &authToken, const QByteArray &signature,
                              const QString &url, const Parameters &parameters)
{
    const QByteArray expected = sign(authToken, url, parameters);
    if (signature.isEmpty() || signature.size() != expected.size())
        return false;
    char difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= char(signature.at(i) ^ expected.at(i));
    return difference == 0;
}
