#include "callbehaviour.h"

#include "outboundhandleroptions.h"
#include "validation.h"

#include <QSet>
#include <QUrl>

#include <utility>

namespace {
// Twilio's limit on a <Sip> URI; an origination URL longer than this cannot be dialled.
constexpr int MaxSipUrlLength = 255;
// Twilio limits its webhook URLs to a few thousand characters; nothing legitimate is longer.
constexpr int MaxUrlLength = 2048;

bool isAsciiAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// RFC 3261 paramchar (unreserved / param-unreserved / escaped), the characters a URI parameter
// value may hold.
bool isParamValue(const QString &value)
{
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c == u'%') {
            if (i + 2 >= value.size() || !isHex(value.at(i + 1)) || !isHex(value.at(i + 2)))
                return false;
            i += 2;
        } else if (!isAsciiAlnum(c) && !QStringView(u"-_.!~*'()[]/:&+$").contains(c)) {
            return false;
        }
    }
    return true;
}

// RFC 3986: unreserved, reserved and '%'. Anything else (spaces, quotes, <>, non-ASCII) has no
// place in a URL Twilio fetches, and keeping it out keeps the generated code plain.
bool isUrlText(const QString &text)
{
    for (const QChar c : text) {
        if (!isAsciiAlnum(c) && !QStringView(u"-._~:/?#[]@!$&'()*+,;=%").contains(c))
            return false;
    }
    return true;
}

QString checkDisasterRecoveryUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString shown = url.isValid() ? url.toString(QUrl::RemoveUserInfo).left(200)
                                        : QString(text.left(200)).replace(u'\n', u' ');
    if (text.size() > MaxUrlLength || !isUrlText(text) || !url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return CallBehaviour::tr("The disaster-recovery URL \"%1\" is not an http:// or https:// "
                                 "URL.")
            .arg(shown);
    return {};
}

QString checkCallerId(const QString &value, const QString &what)
{
    if (value.isEmpty() || Validation::isE164(value))
        return {};
    return CallBehaviour::tr("%1 \"%2\" is not a phone number in E.164 form (for example "
                             "+61255501234).")
        .arg(what, value.left(64));
}

QString checkChoice(const QString &value, const QStringList &allowed, const QString &what)
{
    if (allowed.contains(value))
        return {};
    return CallBehaviour::tr("%1 \"%2\" is not one of: %3.")
        .arg(what, value.left(64), allowed.join(QLatin1String(", ")));
}
} // namespace

QStringList CallBehaviour::recordingModes()
{
    return {QStringLiteral("do-not-record"), QStringLiteral("record-from-ringing"),
            QStringLiteral("record-from-answer"), QStringLiteral("record-from-ringing-dual"),
            QStringLiteral("record-from-answer-dual")};
}

QStringList CallBehaviour::recordingTrims()
{
    return {QStringLiteral("trim-silence"), QStringLiteral("do-not-trim")};
}

QStringList CallBehaviour::transferModes()
{
    return {QStringLiteral("disable-all"), QStringLiteral("enable-all"),
            QStringLiteral("sip-only")};
}

QStringList CallBehaviour::transferCallerIds()
{
    return {QStringLiteral("from-transferee"), QStringLiteral("from-transferor")};
}

QStringList CallBehaviour::countries()
{
    // Must match COUNTRIES in resources/handlers/inboundHandler.js.
    return {QStringLiteral("US"), QStringLiteral("CA"), QStringLiteral("GB"), QStringLiteral("AU"),
            QStringLiteral("NZ"), QStringLiteral("IE"), QStringLiteral("DE"), QStringLiteral("FR")};
}

QString CallBehaviour::parseSipUrl(const QString &sipUrl, ParsedSipUrl *parsed)
{
    const QString shown = QString(sipUrl.left(100)).replace(u'\n', u' ');
    const QString notSip = tr("The origination URL \"%1\" is not a SIP URI such as "
                              "sip:pbx.example.net:5060;transport=tcp.")
                               .arg(shown);
    if (sipUrl.size() > MaxSipUrlLength)
        return tr("The origination URL \"%1...\" is longer than %2 characters.")
            .arg(shown)
            .arg(MaxSipUrlLength);
    for (const QChar c : sipUrl) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return notSip;
    }
    const qsizetype colon = sipUrl.indexOf(u':');
    const QString scheme = sipUrl.left(colon).toLower();
    if (colon < 0 || (scheme != QLatin1String("sip") && scheme != QLatin1String("sips")))
        return notSip;
    QString rest = sipUrl.mid(colon + 1);
    if (rest.contains(u'?'))
        return tr("The origination URL \"%1\" carries SIP headers (after '?'), which Trunk "
                  "Migrator cannot carry over.")
            .arg(shown);
    // The user part is replaced by the called number, as the trunk's origination did.
    if (rest.count(u'@') > 1)
        return notSip;
    rest = rest.mid(rest.indexOf(u'@') + 1);
    const QStringList pieces = rest.split(u';');
    ParsedSipUrl result;
    result.host = pieces.first();
    if (!Validation::checkPbxDomain(result.host).isEmpty())
        return tr("The origination URL \"%1\" has no valid host name or port.").arg(shown);
    QSet<QString> seen;
    for (qsizetype i = 1; i < pieces.size(); ++i) {
        const QString &piece = pieces.at(i);
        const qsizetype equals = piece.indexOf(u'=');
        const QString name = piece.left(equals);
        const QString raw = equals < 0 ? QString() : piece.mid(equals + 1);
        if (!OutboundHandlerOptions::isSipParameterName(name) || !isParamValue(raw))
            return tr("The origination URL \"%1\" has an invalid URI parameter \"%2\".")
                .arg(shown, piece.left(64));
        const QString value = QString::fromUtf8(QByteArray::fromPercentEncoding(raw.toUtf8()));
        if (value.size() > OutboundHandlerOptions::MaxParameterLength)
            return tr("The value of the URI parameter \"%1\" of \"%2\" is longer than %3 "
                      "characters.")
                .arg(name, shown)
                .arg(OutboundHandlerOptions::MaxParameterLength);
        if (seen.contains(name.toLower()))
            return tr("The origination URL \"%1\" gives the URI parameter \"%2\" twice.")
                .arg(shown, name);
        seen.insert(name.toLower());
        result.parameters.append({name, value});
    }
    if (result.parameters.size() > OutboundHandlerOptions::MaxParameters)
        return tr("The origination URL \"%1\" has more than %2 URI parameters.")
            .arg(shown)
            .arg(OutboundHandlerOptions::MaxParameters);
    if (scheme == QLatin1String("sips")) {
        // sips: means TLS on every hop; Twilio's <Sip> asks for it with ;transport=tls.
        bool hasTransport = false;
        for (const auto &[name, value] : std::as_const(result.parameters)) {
            if (name.compare(QLatin1String("transport"), Qt::CaseInsensitive) != 0)
                continue;
            if (value.compare(QLatin1String("tls"), Qt::CaseInsensitive) != 0)
                return tr("The origination URL \"%1\" is a sips: URI but asks for another "
                          "transport than TLS.")
                    .arg(shown);
            hasTransport = true;
        }
        if (!hasTransport)
            result.parameters.append({QStringLiteral("transport"), QStringLiteral("tls")});
    }
    if (parsed)
        *parsed = result;
    return {};
}

QString CallBehaviour::check() const
{
    if (targets.size() > MaxTargets)
        return tr("At most %1 origination URLs can be carried over; there are %2.")
            .arg(MaxTargets)
            .arg(targets.size());
    for (const OriginationTarget &target : targets) {
        if (const QString problem = parseSipUrl(target.sipUrl); !problem.isEmpty())
            return problem;
        if (target.priority < 0 || target.priority > 65535)
            return tr("The priority of the origination URL \"%1\" must be between 0 and 65535.")
                .arg(target.sipUrl.left(100));
        if (target.weight < 1 || target.weight > 65535)
            return tr("The weight of the origination URL \"%1\" must be between 1 and 65535.")
                .arg(target.sipUrl.left(100));
    }
    if (!disasterRecoveryUrl.isEmpty()) {
        if (const QString problem = checkDisasterRecoveryUrl(disasterRecoveryUrl);
            !problem.isEmpty())
            return problem;
    }
    if (!disasterRecoveryMethod.isEmpty() &&
        disasterRecoveryMethod.compare(QLatin1String("GET"), Qt::CaseInsensitive) != 0 &&
        disasterRecoveryMethod.compare(QLatin1String("POST"), Qt::CaseInsensitive) != 0)
        return tr("The disaster-recovery method \"%1\" is neither GET nor POST.")
            .arg(disasterRecoveryMethod.left(64));
    if (ringTimeoutSeconds < MinRingTimeout || ringTimeoutSeconds > MaxRingTimeout)
        return tr("The ring timeout must be between %1 and %2 seconds.")
            .arg(MinRingTimeout)
            .arg(MaxRingTimeout);
    if (timeLimitSeconds < 1 || timeLimitSeconds > MaxTimeLimit)
        return tr("The call time limit must be between 1 and %1 seconds.").arg(MaxTimeLimit);
    for (const QString &problem :
         {checkChoice(recordingMode, recordingModes(), tr("The recording mode")),
          checkChoice(recordingTrim, recordingTrims(), tr("The recording trim")),
          checkChoice(transferMode, transferModes(), tr("The transfer mode")),
          checkChoice(transferCallerId, transferCallerIds(), tr("The transfer caller ID")),
          country.isEmpty() ? QString() : checkChoice(country, countries(), tr("The country")),
          checkCallerId(emergencyCallerId, tr("The emergency caller ID")),
          checkCallerId(defaultCallerId, tr("The default caller ID"))}) {
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}
