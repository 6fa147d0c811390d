#include "setupcommands.h"

#include "cliformat.h"
#include "clioutput.h"
#include "numberselection.h"

#include <QJsonObject>

void SetupCommands::start()
{
    if (m_options.command == QLatin1String("setup-inbound")) {
        setupInbound();
        return;
    }
    if (m_options.command == QLatin1String("equivalence")) {
        showEquivalence();
        return;
    }
    if (m_options.testNumber.isEmpty()) {
        setupOutbound({});
        return;
    }
    // The engine wants the number's SID; an unknown number stops here, before any change.
    // A spare number (on no trunk) is the better test number: it moves no production number.
    withNumbers(m_options.trunkSid, [this](const QVector<NumberInfo> &numbers) {
        if (const NumberInfo *number = NumberSelection::find(numbers, m_options.testNumber))
            return setupOutbound(number->sid);
        NumbersJob *spare = m_backend->loadSpareNumbers();
        follow(spare);
        spare->onFinished(this, [this](const QVector<NumberInfo> &spareNumbers) {
            if (const NumberInfo *number =
                    NumberSelection::find(spareNumbers, m_options.testNumber))
                return setupOutbound(number->sid);
            fail(ExitCode::Usage,
                 tr("Test number %1 is neither on trunk %2 nor a spare number of the account (on "
                    "no trunk, no TwiML application).")
                     .arg(m_options.testNumber, m_options.trunkSid));
        });
    });
}

void SetupCommands::setupInbound()
{
    InboundOptions inbound;
    inbound.trunkSid = m_options.trunkSid;
    inbound.domainPrefix = m_options.domainPrefix;
    inbound.friendlyName = m_options.friendlyName;
    inbound.secureMedia = m_options.secureMedia;
    inbound.calls = m_options.calls;
    inbound.calls.accepted = m_options.acceptedChanges;
    InboundJob *job = m_backend->setupInbound(inbound);
    follow(job);
    job->onFinished(this, [this](const InboundResult &r) {
        // The sheet is printed here because the engine keeps it only for this process.
        const CutoverSheet sheet = m_backend->cutoverSheet();
        if (m_out->isJson()) {
            QJsonObject json = CliFormat::toJson(r);
            json.insert(QStringLiteral("cutover_sheet"), CliFormat::toJson(sheet));
            m_out->resultJson(json);
        } else {
            QString text = tr("SIP domain %1 (%2)\n").arg(r.domainName, r.domainSid);
            text += tr("Handler: %1\n").arg(r.handlerUrl.toString());
            text += tr("SIP URIs for the PBX:\n");
            for (const QString &uri : r.sipUris)
                text += QStringLiteral("  %1\n").arg(uri);
            for (const NamedSid &acl : r.ipAccessControlLists)
                text += tr("IP ACL mapped: %1 %2\n").arg(acl.sid, acl.friendlyName);
            for (const NamedSid &list : r.credentialLists)
                text += tr("Credential list mapped: %1 %2\n").arg(list.sid, list.friendlyName);
            if (r.selfHosted)
                text +=
                    tr("Functions unavailable: handler code exported to %1\n").arg(r.exportedTo);
            if (!r.note.isEmpty())
                text += tr("Note: %1\n").arg(r.note);
            if (!sheet.domainName.isEmpty())
                text += tr("\nCut-over sheet for the PBX administrator:\n") +
                        CliFormat::sheetText(sheet);
            m_out->result(text);
        }
        finish(ExitCode::Ok);
    });
}

void SetupCommands::setupOutbound(const QString &testNumberSid)
{
    OutboundOptions outbound;
    outbound.trunkSid = m_options.trunkSid;
    outbound.pbxDomain = m_options.pbxDomain;
    outbound.secure = m_options.secure;
    outbound.calls = m_options.calls;
    outbound.calls.accepted = m_options.acceptedChanges;
    outbound.edge = m_options.sipEdge;
    outbound.callSidAsUserToUser = m_options.userToUser;
    outbound.customParameters = m_options.sipParameters;
    outbound.testNumberSid = testNumberSid;
    outbound.selfHostedHandlerUrl = m_options.handlerUrl;
    OutboundJob *job = m_backend->setupOutbound(outbound);
    follow(job);
    job->onFinished(this, [this](const OutboundResult &r) {
        if (m_out->isJson()) {
            m_out->resultJson(CliFormat::toJson(r));
        } else {
            QString text = tr("Outbound handler: %1\n").arg(r.handlerUrl.toString());
            if (!r.testNumberSid.isEmpty())
                text += tr("Test number %1 (%2) now uses it: call it to test.\n")
                            .arg(r.testPhoneNumber, r.testNumberSid);
            if (r.selfHosted)
                text +=
                    tr("Functions unavailable: handler code exported to %1\n").arg(r.exportedTo);
            if (!r.note.isEmpty())
                text += tr("Note: %1\n").arg(r.note);
            m_out->result(text);
        }
        finish(ExitCode::Ok);
    });
}

void SetupCommands::showEquivalence()
{
    EquivalenceJob *job =
        m_backend->equivalence(m_options.trunkSid, m_options.calls, m_options.secure);
    follow(job);
    job->onFinished(this, [this](const EquivalenceReport &report) {
        if (m_out->isJson())
            m_out->resultJson(CliFormat::toJson(report, m_options.acceptedChanges));
        else
            m_out->result(CliFormat::equivalenceText(report, m_options.acceptedChanges));
        finish(ExitCode::Ok);
    });
}
