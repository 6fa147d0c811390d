#include "urlcredentials.h"

#include <QRegularExpression>

namespace {
const QString Mask = QStringLiteral("[redacted]");

// Query names that carry a secret in the APIs a PBX or webhook endpoint uses.
bool secretName(const QString &name)
{
    static const QRegularExpression secret(
        QStringLiteral("(key|token|secret|pass|pwd|auth|sig|credential|session)"),
        QRegularExpression::CaseInsensitiveOption);
    return secret.match(name).hasMatch();
}

QString redactOne(const QString &url)
{
    QString out = url;
    // user:password@ -> user:[redacted]@ (only in the authority, before the first '/').
    static const QRegularExpression userInfo(QStringLiteral("^(https?://[^/@:?#]*):([^/@?#]*)@"),
                                             QRegularExpression::CaseInsensitiveOption);
    out.replace(userInfo, QStringLiteral("\\1:") + Mask + QLatin1Char('@'));
    const qsizetype query = out.indexOf(QLatin1Char('?'));
    if (query < 0)
        return out;
    const qsizetype fragment = out.indexOf(QLatin1Char('#'), query);
    const QString tail = fragment < 0 ? QString() : out.mid(fragment);
    QStringList pairs =
        out.mid(query + 1, fragment < 0 ? -1 : fragment - query - 1).split(QLatin1Char('&'));
    for (QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq > 0 && secretName(pair.left(eq)))
            pair = pair.left(eq + 1) + Mask;
    }
    return out.left(query + 1) + pairs.join(QLatin1Char('&')) + tail;
}
} // namespace

namespace UrlCredentials {

QString redact(const QString &text)
{
    static const QRegularExpression url(QStringLiteral("https?://[^\\s;,\"'<>]+"),
                                        QRegularExpression::CaseInsensitiveOption);
    QString out;
    qsizetype last = 0;
    for (auto it = url.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last) + redactOne(m.captured());
        last = m.capturedEnd();
    }
    return last == 0 ? text : out + text.mid(last);
}

} // namespace UrlCredentials
