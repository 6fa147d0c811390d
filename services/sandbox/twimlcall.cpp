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

void setParameter(WebhookSignature::Parameters *parameters, const QString &name,
                  const QString &value)
{
    for (auto &pair : *parameters) {
        if (pair.first == name) {
            pair.second = value;
            return;
        }
    }
    parameters->append({name, value});
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
    if (answer.status != 200 || !answer.contentType.startsWith("text/xml"))
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
    WebhookSignature::Parameters params = parameters;
    QUrl current = url;
    Fetched document = fetch(current, params);
    if (!document.ok) {
        m_route.append(QJsonObject{{QStringLiteral("fetch"), url.toString()},
                                   {QStringLiteral("error"), document.why}});
        if (fallbackUrl.isEmpty()) {
            m_parentStatus = QStringLiteral("failed"); // Twilio's "application error"
            return false;
        }
        current = fallbackUrl;
        document = fetch(current, params);
        if (!document.ok) {
            m_route.append(QJsonObject{{QStringLiteral("fetch"), fallbackUrl.toString()},
                                       {QStringLiteral("error"), document.why}});
            m_parentStatus = QStringLiteral("failed");
            return false;
        }
    }
    for (int documents = 1; documents <= MaxDocuments; ++documents) {
        const QUrl next = interpret(current, document.twiml, &params);
        if (next.isEmpty())
            return true;
        current = next;
        document = fetch(current, params);
        if (!document.ok) {
            // A DR URL on another server, say: where Twilio would go, not followed here.
            m_route.append(QJsonObject{{QStringLiteral("fetch"), current.toString()},
                                       {QStringLiteral("error"), document.why}});
            return true;
        }
    }
    m_route.append(QJsonObject{
        {QStringLiteral("error"), QStringLiteral("more than %1 documents").arg(MaxDocuments)}});
    return true;
}

QUrl TwimlCall::interpret(const QUrl &documentUrl, const QString &twiml,
                          WebhookSignature::Parameters *parameters)
{
    QXmlStreamReader xml(twiml);
    if (!xml.readNextStartElement() || xml.name() != QLatin1String("Response")) {
        m_route.append(QJsonObject{{QStringLiteral("error"), QStringLiteral("not TwiML")}});
        m_parentStatus = QStringLiteral("failed");
        return {};
    }
    while (xml.readNextStartElement()) {
        const QString verb = xml.name().toString();
        const QJsonObject attributes = attributesOf(xml);
        QJsonObject step{{QStringLiteral("verb"), verb},
                         {QStringLiteral("attributes"), attributes}};
        if (verb == QLatin1String("Dial")) {
            QString status = QStringLiteral("failed");
            int code = 0;
            while (xml.readNextStartElement()) {
                const QString noun = xml.name().toString();
                const QString target = xml.readElementText().trimmed();
                const auto [nounStatus, nounCode] =
                    dial(noun, target, attributes.value(QLatin1String("callerId")).toString());
                step.insert(QStringLiteral("target"), target);
                step.insert(QStringLiteral("status"), nounStatus);
                if (nounCode != 0)
                    step.insert(QStringLiteral("sip_code"), nounCode);
                if (status != QLatin1String("completed")) {
                    status = nounStatus;
                    code = nounCode;
                }
            }
            m_route.append(step);
            const QString action = attributes.value(QLatin1String("action")).toString();
            if (!action.isEmpty()) {
                setParameter(parameters, QStringLiteral("DialCallStatus"), status);
                setParameter(parameters, QStringLiteral("DialSipResponseCode"),
                             code == 0 ? QString() : QString::number(code));
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
