#include "clivaluechecks.h"

#include "validation.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace {
// The translation context of this file's texts, visible to lupdate.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CliChecks)
};
} // namespace

namespace {

// Shown instead of the raw text when a value is too long to be anything we asked for.
QString shortened(const QString &text)
{
    return text.size() > 64 ? text.left(61) + QStringLiteral("...") : text;
}

// The whole text must match: anchoredPattern, because '$' alone also matches before a final
// newline.
bool matches(const char *pattern, const QString &text)
{
    const QRegularExpression re(QRegularExpression::anchoredPattern(QString::fromLatin1(pattern)));
    return re.match(text).hasMatch();
}

} // namespace

namespace CliChecks {

QString parseNumberList(const QStringList &values, QStringList *numbers)
{
    for (const QString &value : values) {
        const QStringList parts = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            const QString number = part.trimmed();
            const QString error = Validation::checkE164(number);
            if (!error.isEmpty())
                return error;
            if (!numbers->contains(number))
                numbers->append(number);
        }
    }
    if (numbers->isEmpty())
        return Tr::tr("--numbers needs at least one E.164 number.");
    return {};
}

QString checkRegion(const QString &region)
{
    if (matches("[a-z]{2}[0-9]", region))
        return {};
    return Tr::tr("\"%1\" is not a Twilio region (for example au1, ie1, us1).")
        .arg(shortened(region));
}

QString checkEdge(const QString &edge)
{
    if (matches("[a-z]+(-[a-z]+)*", edge) && edge.size() <= 32)
        return {};
    return Tr::tr("\"%1\" is not a Twilio edge location (for example sydney, dublin).")
        .arg(shortened(edge));
}

QString checkDomainPrefix(const QString &prefix)
{
    if (matches("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?", prefix))
        return {};
    return Tr::tr("\"%1\" is not a domain prefix: use letters, digits and '-' (NAME gives "
                  "NAME.sip.twilio.com).")
        .arg(shortened(prefix));
}

QString checkHost(const QString &host)
{
    QString name = host;
    const int colon = host.lastIndexOf(QLatin1Char(':'));
    if (colon > 0) {
        bool ok = false;
        const int port = host.mid(colon + 1).toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return Tr::tr("\"%1\" has no valid port.").arg(shortened(host));
        name = host.left(colon);
    }
    if (Validation::isHostName(name) || !QHostAddress(name).isNull())
        return {};
    return Tr::tr("\"%1\" is not a host name.").arg(shortened(host));
}

QString checkCallTarget(const QString &target)
{
    if (target.startsWith(QLatin1Char('+')))
        return Validation::checkE164(target);
    if (Validation::isHostName(target) && target.contains(QLatin1Char('.')))
        return {};
    return Tr::tr("\"%1\" is neither an E.164 number nor a SIP domain name.")
        .arg(shortened(target));
}

QString checkBaseUrl(const QUrl &url)
{
    // Credentials belong in the environment; a URL with user-info would put them in shell
    // history, and echoing it back would print them.
    if (!url.userInfo().isEmpty())
        return Tr::tr("--base-url must not contain a user name or password; set the TWILIO_* "
                      "environment variables instead.");
    return Validation::checkApiBaseUrl(url);
}

QString checkWebhook(const QString &text, QUrl *url)
{
    *url = QUrl(text, QUrl::StrictMode);
    if (!url->userInfo().isEmpty())
        return Tr::tr("A voice or handler URL must not contain a user name or password.");
    return Validation::checkWebhookUrl(*url);
}

QString parseSipParameter(const QString &text, QPair<QString, QString> *parameter)
{
    const int equals = text.indexOf(QLatin1Char('='));
    const QString key = text.left(equals);
    // RFC 3261 "token" characters: anything else would need escaping in the parameter name.
    if (equals <= 0 || !matches("[A-Za-z0-9.!%*_+`'~-]+", key))
        return Tr::tr("\"%1\" is not a SIP parameter: write key=value.").arg(shortened(text));
    *parameter = {key, text.mid(equals + 1)};
    return {};
}

QString parseInt(const QString &text, int min, int max, const QString &what, int *value)
{
    bool ok = false;
    const int parsed = text.toInt(&ok);
    if (!ok || parsed < min || parsed > max)
        return Tr::tr("%1 must be a whole number from %2 to %3; \"%4\" is not.")
            .arg(what)
            .arg(min)
            .arg(max)
            .arg(shortened(text));
    *value = parsed;
    return {};
}

} // namespace CliChecks
