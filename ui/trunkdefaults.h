#pragma once

#include "migrationtypes.h"

#include <QString>

// Values the wizard proposes from the chosen trunk, so the common case needs no typing. The
// PBX address comes from the same OriginationPicker the engine uses for its default.
namespace TrunkDefaults {

// A SIP domain prefix from a trunk's friendly name: lower case, letters, digits and '-' only,
// at most 63 characters ("Acme PBX (Sydney)" -> "acme-pbx-sydney").
QString domainPrefix(const QString &trunkName);
// Where the PBX listens, from the enabled origination URL with the lowest priority value
// (Twilio tries lower values first; ties go to the higher weight): pbxAddress() of its URL, or
// empty when the trunk has none enabled.
QString pbxDomain(const TrunkSummary &trunk);
// The host of a SIP URL, with its port when that is not the default: the outbound handler must
// dial the PBX where it listens. "sip:PBX.example.com:5080;transport=tcp" ->
// "pbx.example.com:5080"; "sip:pbx.example.com:5060" -> "pbx.example.com". Only plain SIP drops
// 5060: over TLS (sips: or transport=tls) the default is 5061, so a port given there is kept.
QString pbxAddress(const QString &sipUrl);

} // namespace TrunkDefaults
