#pragma once

#include "migrationtypes.h"

#include <QString>

// How an engine error reads in the wizard: the sentence for the administrator first, then the
// Twilio error code as a link to its documentation and the request id support will ask for.
namespace ErrorText {

// Rich text for a QLabel with external links enabled; empty for a null error.
QString html(const OperationError &error);
// One line without markup, for table cells and tooltips.
QString plain(const OperationError &error);

} // namespace ErrorText
