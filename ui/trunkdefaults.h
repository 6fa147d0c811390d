#pragma once

#include "migrationtypes.h"

#include <QString>

// Values the wizard proposes from the chosen trunk, so the common case needs no typing.
namespace TrunkDefaults {

// A SIP domain prefix from a trunk's friendly name: lower case, letters, digits and '-' only,
// at most 63 characters ("Acme PBX (Sydney)" -> "acme-pbx-sydney").
QString domainPrefix(const QString &trunkName);
// The host of the enabled origination URL with the lowest priority value (Twilio tries lower
// values first; ties go to the higher weight); empty when the trunk has none enabled.
QString pbxDomain(const TrunkSummary &trunk);
// The host part of a SIP URL such as "sip:pbx.example.com:5061;transport=tls".
QString sipHost(const QString &sipUrl);

} // namespace TrunkDefaults
