#pragma once

#include "callbehaviour.h"
#include "migrationtypes.h"
#include "voiceresources.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

// How the calls of one trunk are carried into Programmable Voice (issue 8), decided in one
// place from the trunk as read and the administrator's choices: the behaviour baked into the
// handlers, the SIP domain's and numbers' settings, and the equivalence report that says, for
// every trunk setting, whether it is kept, translated, or lost, and what callers will notice.
//
// Pure: reads nothing, changes nothing; the setup steps, the plan, the migrate gate, the CLI's
// `equivalence` command and the wizard's page all ask it the same question.
class CallEquivalence
{
    Q_DECLARE_TR_FUNCTIONS(CallEquivalence)
public:
    // secure: TLS + SRTP towards and from the PBX as chosen; unset = the trunk's own.
    CallEquivalence(const TrunkSummary &trunk, const CallChoices &choices,
                    std::optional<bool> secure = {});

    // Empty when the choices are usable, else one translated sentence.
    QString check() const;

    EquivalenceReport report() const;
    // Empty when every lost setting of the report but the fax numbers' (refused one by one)
    // is in choices().accepted, else the sentence that names them. Steps 1 and 2 apply the
    // choices (step 2 moves its test number), so they ask for this first.
    QString unacknowledgedChanges() const;
    // What the handlers do (HandlerGenerator's input).
    CallBehaviour behaviour() const;

    bool secure() const { return m_secure; }
    // VoiceFallbackUrl for the domain and the migrated numbers; empty when there is none.
    QString fallbackUrl() const;
    // Its method: the trunk's disaster-recovery method when the fallback is that URL, else POST.
    QString fallbackMethod() const;
    // EmergencyCallingEnabled on the domain: whenever a number of the trunk has an emergency
    // address, unless the administrator dropped it.
    bool emergencyCalling() const;
    // The country whose national numbers the PBX may dial (ISO 3166 alpha-2), or empty.
    QString country() const;
    bool carries(const QString &setting) const { return !m_choices.dropped.contains(setting); }

    // What a migrated number gets besides its voice URL, in the same update: the fallback URL,
    // its own URLs the trunk ignored settled, the caller-name lookup. Only what differs.
    IncomingPhoneNumberUpdate numberUpdate(const IncomingPhoneNumber &number) const;
    static IncomingPhoneNumberUpdate
    numberUpdate(const IncomingPhoneNumber &number, const QString &fallbackUrl,
                 const QString &fallbackMethod, CallChoices::StaleUrl staleFallback,
                 CallChoices::StaleUrl staleStatusCallback, bool callerIdLookup);

    // "; voice_fallback_url=...; status_callback=" for the audit's after column, or empty.
    static QString describe(const IncomingPhoneNumberUpdate &update);

    // The ISO 3166 alpha-2 country of an E.164 number, for the countries the handlers know.
    static QString countryOf(const QString &e164);
    // The settings an administrator may choose not to carry (CallChoices::dropped).
    static QStringList droppable();

private:
    QVector<OriginationInfo> enabledUrls() const;
    void addRouting(EquivalenceReport &report) const;
    void addFallbacks(EquivalenceReport &report) const;
    void addCallFeatures(EquivalenceReport &report) const;
    void addNumbers(EquivalenceReport &report) const;

    TrunkSummary m_trunk;
    CallChoices m_choices;
    bool m_secure = false;
};
