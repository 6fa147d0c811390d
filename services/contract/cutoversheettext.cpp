// The cut-over sheet's text: part of the front-end contract, so the wizard ("Copy the whole
// sheet") and the CLI print the same sheet without linking the set-up code that builds it.
#include "migrationtypes.h"

#include <QCoreApplication>

namespace {
QString listLines(const QVector<NamedSid> &lists)
{
    if (lists.isEmpty())
        return QStringLiteral("  ") + CutoverSheet::tr("(none)") + u'\n';
    QString text;
    for (const NamedSid &list : lists)
        text += QStringLiteral("  - %1 (%2)\n").arg(list.friendlyName, list.sid);
    return text;
}
} // namespace

QString CutoverSheet::asText() const
{
    QString text;
    text += tr("PBX cut-over sheet") + u'\n';
    text += tr("SIP domain: %1").arg(domainName) + u'\n';
    text += u'\n' +
            tr("Send outgoing calls (PBX to PSTN) to one of these SIP URIs; the edge "
               "nearest to the PBX is best:") +
            u'\n';
    for (const QString &uri : sipUris)
        text += QStringLiteral("  ") + uri + u'\n';
    text += u'\n';
    if (tlsRequired)
        text += tr("Transport: TLS on port %1 (the domain refuses plain UDP/TCP on %2).")
                    .arg(tlsPort)
                    .arg(port) +
                u'\n';
    else
        text += tr("Transport: UDP or TCP on port %1 (or TLS on port %2).").arg(port).arg(tlsPort) +
                u'\n';
    text +=
        (srtpRequired ? tr("Media: SRTP is required.") : tr("Media: RTP (SRTP not required).")) +
        u'\n';
    text += u'\n' + tr("Calls are accepted from these IP access control lists:") + u'\n';
    text += listLines(ipAccessControlLists);
    text += tr("and from these credential lists (SIP digest authentication):") + u'\n';
    text += listLines(credentialLists);
    text += u'\n' + tr("Steps for the PBX administrator:") + u'\n';
    QStringList steps{
        tr("Point the PBX's outbound SIP trunk at the SIP domain (or its nearest edge URI) "
           "instead of the old termination URI."),
        tr("Dial numbers in E.164 form in the Request-URI: sip:+61255501234@%1.").arg(domainName),
        tr("Send the caller ID in E.164 form as a number of this Twilio account."),
    };
    if (tlsRequired)
        steps.append(tr("Use TLS on port %1 and SRTP media.").arg(tlsPort));
    if (!credentialLists.isEmpty())
        steps.append(tr("Answer Twilio's digest challenge with a user of one of the credential "
                        "lists above."));
    if (!ipAccessControlLists.isEmpty())
        steps.append(tr("Send from an address in one of the IP access control lists above."));
    steps.append(tr("Place a test call and check both legs in the recent calls list."));
    for (int i = 0; i < steps.size(); ++i)
        text += QStringLiteral("  %1. %2\n").arg(i + 1).arg(steps.at(i));
    return text;
}
