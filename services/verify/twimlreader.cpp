#include "twimlreader.h"

#include <QXmlStreamReader>

namespace {
CallEnd error(const QString &what)
{
    return {CallEnd::Kind::Error, what};
}

QString attribute(const QXmlStreamReader &xml, const char *name)
{
    return xml.attributes().value(QLatin1String(name)).toString();
}

DialAttempt readDial(QXmlStreamReader &xml, const QUrl &documentUrl)
{
    DialAttempt dial;
    dial.callerId = attribute(xml, "callerId");
    dial.timeout = attribute(xml, "timeout");
    dial.timeLimit = attribute(xml, "timeLimit");
    dial.record = attribute(xml, "record");
    dial.trim = attribute(xml, "trim");
    dial.answerOnBridge = attribute(xml, "answerOnBridge") == QLatin1String("true");
    dial.referUrl = !attribute(xml, "referUrl").isEmpty();
    const QString action = attribute(xml, "action");
    if (!action.isEmpty())
        dial.action = documentUrl.resolved(QUrl(action)).toString(QUrl::FullyEncoded);
    QString bare;
    while (xml.readNext() != QXmlStreamReader::EndElement && !xml.atEnd()) {
        if (xml.isCharacters() && !xml.isWhitespace()) {
            bare += xml.text();
        } else if (xml.isStartElement() && dial.noun.isEmpty()) {
            dial.noun = xml.name().toString();
            const QString text = xml.readElementText().trimmed();
            if (dial.noun == QLatin1String("Sip"))
                dial.sip = SipTarget::parse(text);
            else
                dial.number = text;
        } else if (xml.isStartElement()) {
            xml.skipCurrentElement(); // a second noun: Twilio rings them together; not ours
        }
    }
    if (dial.noun.isEmpty() && !bare.trimmed().isEmpty()) {
        dial.noun = QStringLiteral("Number");
        dial.number = bare.trimmed();
    }
    return dial;
}
} // namespace

TwimlAnswer TwimlReader::read(const QByteArray &document, const QUrl &documentUrl)
{
    TwimlAnswer answer;
    QXmlStreamReader xml(document);
    if (!xml.readNextStartElement() || xml.name() != QLatin1String("Response")) {
        answer.end = error(tr("the answer is not TwiML"));
        return answer;
    }
    bool said = false;
    while (xml.readNextStartElement()) {
        const QString verb = xml.name().toString();
        if (verb == QLatin1String("Dial") && !answer.dial) {
            answer.dial = readDial(xml, documentUrl);
            if (!answer.dial->action.isEmpty())
                return answer; // Twilio goes to the action; the rest is never read
            continue;
        }
        if (verb == QLatin1String("Redirect")) {
            QString method = attribute(xml, "method").toUpper();
            const QString text = xml.readElementText().trimmed();
            answer.end = {CallEnd::Kind::Redirect,
                          (method.isEmpty() ? QStringLiteral("POST") : method) + u' ' +
                              documentUrl.resolved(QUrl(text)).toString(QUrl::FullyEncoded)};
            return answer;
        }
        if (verb == QLatin1String("Reject")) {
            const QString reason = attribute(xml, "reason");
            answer.end = {CallEnd::Kind::Reject,
                          reason.isEmpty() ? QStringLiteral("rejected") : reason};
            return answer;
        }
        if (verb == QLatin1String("Hangup")) {
            answer.end = {said ? CallEnd::Kind::Message : CallEnd::Kind::Hangup, {}};
            return answer;
        }
        said = said || verb == QLatin1String("Say") || verb == QLatin1String("Play");
        xml.skipCurrentElement();
    }
    if (xml.hasError())
        answer.end = error(tr("malformed TwiML: %1").arg(xml.errorString()));
    else if (said)
        answer.end = {CallEnd::Kind::Message, {}};
    return answer;
}
