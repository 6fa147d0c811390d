#include "validation.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace {
// The translation context of this file's texts, visible to lupdate.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Validation)
};
} // namespace

namespace Validation {

bool isSid(const QString &value, const char prefix[3])
{
    if (value.size() != 34 || !value.startsWith(QLatin1String(prefix, 2)))
        return false;
    for (int i = 2; i < value.size(); ++i) {
        const QChar c = value.at(i);
        const bool hex =
            (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
        if (!hex)
            return false;
    }
    return true;
}

QString checkSid(const QString &value, const char prefix[3], const QString &what)
{
    if (isSid(value, prefix))
        return {};
    return Tr::tr("%1 must be \"%2\" followed by 32 hexadecimal digits; \"%3\" is not.")
        .arg(what, QLatin1String(prefix, 2), value.left(64));
}

QString checkAuthToken(const QString &value)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-fA-F]{32}\\z"));
    if (re.match(value).hasMatch())
        return {};
    return Tr::tr("An auth token is 32 hexadecimal digits; this one has %n character(s).", nullptr,
                  int(value.size()));
}

QString checkApiKeySecret(const QString &value)
{
    static const QRegularExpression re(QStringLiteral("^[0-9A-Za-z]{32}\\z"));
    if (re.match(value).hasMatch())
        return {};
    return Tr::tr("An API key secret is 32 letters and digits; this one has %n character(s).",
                  nullptr, int(value.size()));
}

bool isE164(const QString &value)
{
    static const QRegularExpression re(QStringLiteral("^\\+[1-9][0-9]{6,14}\\z"));
    return re.match(value).hasMatch();
}

QString checkE164(const QString &value)
{
    if (isE164(value))
        return {};
    return Tr::tr("\"%1\" is not a phone number in E.164 form (for example +61255501234).")
        .arg(value.left(64));
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString checkWebhookUrl(const QUrl &url)
{
    // Messages end up on screen, in logs and in CLI output: a user:password in the URL must
    // not ride along with them.
    const QString shown = url.toString(QUrl::RemoveUserInfo).left(200);
    if (!url.isValid() || url.host().isEmpty())
        return Tr::tr("\"%1\" is not a valid URL.").arg(shown);
    if (url.scheme() == QLatin1String("https"))
        return {};
    if (url.scheme() == QLatin1String("http") && isLoopbackHost(url.host()))
        return {};
    return Tr::tr("\"%1\" must use https:// (plain http is allowed only to this computer).")
        .arg(shown);
}

QString checkApiBaseUrl(const QUrl &url)
{
    return checkWebhookUrl(url);
}

bool isHostName(const QString &value)
{
    static const QRegularExpression re(
        QStringLiteral("^(?=.{1,253}\\z)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-"
                       "9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\z"));
    return re.match(value).hasMatch();
}

QString checkPbxDomain(const QString &value)
{
    // Checked here as well as by isHostName: its pattern lets a final "\n" through, and this
    // value is written into .env, where a line break would start a new variable.
    for (const QChar c : value) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return Tr::tr("\"%1\" is not a host name such as pbx.example.net.").arg(value.left(64));
    }
    QString host = value;
    const qsizetype colon = value.lastIndexOf(u':');
    if (colon >= 0) {
        bool ok = false;
        const QString portText = value.mid(colon + 1);
        const int port = portText.toInt(&ok);
        if (!ok || port < 1 || port > 65535 || portText.startsWith(u'0') ||
            portText.startsWith(u'+'))
            return Tr::tr("\"%1\" has no valid port after the colon.").arg(value.left(64));
        host = value.left(colon);
    }
    if (!isHostName(host))
        return Tr::tr("\"%1\" is not a host name such as pbx.example.net.").arg(value.left(64));
    return {};
}

} // namespace Validation
