#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// Tolerant readers for Twilio's JSON: a field of the wrong type reads as absent instead of
// crashing or throwing, so a hostile or changed answer degrades to empty values.
namespace JsonFields {

QString str(const QJsonObject &object, const char *key);
// nullopt when the field is null or missing, so "cleared" stays distinguishable from "".
std::optional<QString> optStr(const QJsonObject &object, const char *key);
bool boolean(const QJsonObject &object, const char *key, bool fallback = false);
int integer(const QJsonObject &object, const char *key, int fallback = 0);
// Twilio sends some numbers as strings (call duration): accepts both.
int intOrString(const QJsonObject &object, const char *key, int fallback = 0);

} // namespace JsonFields
