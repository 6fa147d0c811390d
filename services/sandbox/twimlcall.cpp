#include "twimlcall.h"

#include "calltargets.h"
#include "functionhost.h"
#include "sandboxcontext.h"
#include "sandboxrecords.h"

#include <QXmlStreamReader>

namespace {
// A call that keeps redirecting is ended, as Twilio ends a TwiML loop.
constexpr int MaxDocuments = 10;

QString sidOf(const QJsonObject &record)
{
    return record.value(QLatin1String("sid")).toString();
}

QJsonObject attributesOf(const QXmlStreamReader &xml)
{
    QJsonObject out;
    for (const QXmlStreamAttribute &a : xml.attributes())
        out.insert(a.name().toString(), a.value().toString());
    return out;
}

} // namespace

TwimlCall::TwimlCall(SandboxContext &context, const QJsonObject &parent)
    : m_context(context)
    , m_parent(parent)
{}

TwimlCall::Fetched TwimlCall::fetch(const QUrl &url, const WebhookSignature::Parameters &parameters)
{
    if (!FunctionHost::find(m_context, url.host(), url.path()))
        return {false, {}, QStringLiteral("not a Function of this account: outside the sandbox")};
    const SandboxResponse answer = FunctionHost::invoke(m_context, url, parameters);
    // What Twilio reads as TwiML; a Function's string answer comes as text/html.
    const bool twiml = answer.contentType.startsWith("text/xml") ||
                       answer.contentType.startsWith("application/xml") ||
                       answer.contentType.startsWith("text/html");
    if (answer.status != 200 || !twiml)
        return {false,
                {},
                QStringLiteral("HTTP %1: %2")
                    .arg(answer.status)
                    .arg(QString::fromUtf8(answer.body.left(200)))};
    return {true, QString::fromUtf8(answer.body), {}};
}

bool TwimlCall::follow(const QUrl &url, const QUrl &fallbackUrl,
                       const WebhookSignature::Parameters &parameters)
{
    // The voice URL, else the fallback URL; neither: Twilio's "application error".
    QUrl current;
    Fetched document;
    for (const QUrl &candidate : {url, fallbackUrl}) {
        if (candidate.isEmpty())
            continue;
        current = candidate;
        document = fetch(current, parameters);
        if (document.ok)
            break;
        m_route.append(QJsonObject{{QStringLiteral("fetch"), candidate.toString()},
                                   {QStringLiteral("error"), document.why}});
    }
    if (!document.ok) {
        m_parentStatus = QStringLiteral("failed");
        return false;
    }
    for (int documents = 1; documents <= MaxDocuments; ++documents) {
        WebhookSignature::Parameters next;
        const QUrl nextUrl = interpret(current, document.twiml, parameters, &next);
        if (nextUrl.isEmpty())
            return true;
        current = nextUrl;
        document = fetch(current, next);
        if (!document.ok) {
            m_route.append(QJsonObject{{QStringLiteral("fetch"), current.toString()},
                                       {QStringLiteral("error"), document.why}});
            // A Function of the account that fails (throws, a path not deployed) ends the call
            // with Twilio's application error; another server (a DR page, say) is where Twilio
            // would go, not followed here.
            if (FunctionHost::isFunctionsDomain(m_context, current.host()))
                m_parentStatus = QStringLiteral("failed");
            return true;
        }
    }
    m_route.append(QJsonObject{
        {QStringLiteral("error"), QStringLiteral("more than %1 documents").arg(MaxDocuments)}});
    return true;
}

QUrl TwimlCall::interpret(const QUrl &documentUrl, const QString &twiml,
                          const WebhookSignature::Parameters &call,
                          WebhookSignature::Parameters *next)
{
    // Twilio refuses a document that does not parse before running any of it (error 12100).
    {
        QXmlStreamReader check(twiml);
        while (!check.atEnd())
            check.readNext();
        if (check.hasError()) {
            m_route.append(QJsonObject{
                {QStringLiteral("error"),
                 QStringLiteral("the document is not well-formed XML (Twilio error 12100)")}});
            m_parentStatus = QStringLiteral("failed");
            return {};
        }
    }
    QXmlStreamReader xml(twiml);
    if (!xml.readNextStartElement() || xml.name() != QLatin1String("Response")) {
        m_route.append(QJsonObject{{QStringLiteral("error"), QStringLiteral("not TwiML")}});
        m_parentStatus = QStringLiteral("failed");
        return {};
    }
    *next = call;
    while (xml.readNextStartElement()) {
        const QString verb = xml.name().toString();
        const QJsonObject attributes = attributesOf(xml);
        QJsonObject step{{QStringLiteral("verb"), verb},
                         {QStringLiteral("attributes"), attributes}};
        if (verb == QLatin1String("Dial")) {
            QString status = QStringLiteral("failed");
            int code = 0;
            QString bare; // <Dial>+61255501234</Dial>: a number without <Number>
            bool nouns = false;
            const QString callerId = attributes.value(QLatin1String("callerId")).toString();
            const auto dialled = [&](const QString &noun, const QString &target) {
                const auto [nounStatus, nounCode] = dial(noun, target, callerId);
                step.insert(QStringLiteral("target"), target);
                step.insert(QStringLiteral("status"), nounStatus);
                if (nounCode != 0)
                    step.insert(QStringLiteral("sip_code"), nounCode);
                if (status != QLatin1String("completed")) {
                    status = nounStatus;
                    code = nounCode;
                }
            };
            while (!xml.atEnd()) {
                const QXmlStreamReader::TokenType token = xml.readNext();
                if (token == QXmlStreamReader::EndElement)
                    break; // </Dial>: each noun's own end is read with its text
                if (token == QXmlStreamReader::Characters && !xml.isWhitespace()) {
                    bare += xml.text();
                } else if (token == QXmlStreamReader::StartElement) {
                    nouns = true;
                    const QString noun = xml.name().toString();
                    dialled(noun, xml.readElementText().trimmed());
                }
            }
            if (!nouns && !bare.trimmed().isEmpty())
                dialled(QStringLiteral("Number"), bare.trimmed());
            m_route.append(step);
            const QString action = attributes.value(QLatin1String("action")).toString();
            if (!action.isEmpty()) {
                // Twilio sends DialSipResponseCode only for a <Sip> dial.
                next->append({QStringLiteral("DialCallStatus"), status});
                if (code != 0)
                    next->append({QStringLiteral("DialSipResponseCode"), QString::number(code)});
                return documentUrl.resolved(QUrl(action));
            }
            if (status != QLatin1String("completed"))
                m_parentStatus = status;
            continue; // no action: the document goes on after the <Dial>
        }
        const QString text = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
        if (!text.isEmpty())
            step.insert(QStringLiteral("text"), text);
        m_route.append(step);
        if (verb == QLatin1String("Redirect"))
            return documentUrl.resolved(QUrl(text));
        if (verb == QLatin1String("Reject")) {
            m_parentStatus =
                attributes.value(QLatin1String("reason")).toString() == QLatin1String("busy")
                    ? QStringLiteral("busy")
                    : QStringLiteral("failed");
            return {};
        }
        if (verb == QLatin1String("Hangup"))
            return {};
    }
    return {};
}

QPair<QString, int> TwimlCall::dial(const QString &noun, const QString &target,
                                    const QString &callerId)
{
    QString status = QStringLiteral("completed");
    int code = 0;
    QString to = target;
    if (noun == QLatin1String("Sip")) {
        to = target.section(u'?', 0, 0); // headers travel in the INVITE, not in the Call record
        const int answer = m_context.targets.answerOf(CallTargets::hostOf(target));
        code = answer == CallTargets::Down ? 408 : answer;
        if (code == 486 || code == 600)
            status = QStringLiteral("busy");
        else if (code >= 300)
            status = QStringLiteral("failed");
    }
    const QString from =
        callerId.isEmpty() ? m_parent.value(QLatin1String("from")).toString() : callerId;
    QJsonObject child = SandboxRecords::call(m_context, from, to, QStringLiteral("outbound-dial"));
    child.insert(QLatin1String("parent_call_sid"), sidOf(m_parent));
    child.insert(QLatin1String("start_time"), m_parent.value(QLatin1String("start_time")));
    child.insert(QLatin1String("status"), status);
    m_children.append(child);
    return {status, code};
}
