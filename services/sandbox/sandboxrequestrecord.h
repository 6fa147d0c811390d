#pragma once

#include "sandboxrouter.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// What one request carried, as a request observer sees it (SandboxServer::setRequestObserver):
// enough for a test to check a client's requests against the OpenAPI operation they reach
// (route.specFile + route.specPath()) without reparsing bodies. Never holds values: the
// Authorization header and form values can be secrets or PII, and the names are what a
// contract check needs.
struct SandboxRequestRecord
{
    QByteArray method;
    QString path; // decoded, no query
    // A route of SandboxServer::routeTable() matched both method and path; `route` is that
    // route (empty otherwise). route.specFile is empty for routes outside the OpenAPI files.
    bool routed = false;
    SandboxRouteInfo route;
    QByteArray contentType;
    QStringList queryKeys;      // decoded, each once, in first-seen order ("StartTime>")
    QStringList formKeys;       // application/x-www-form-urlencoded bodies; each once, in order
    QStringList multipartNames; // multipart/form-data part names, in order, repeats kept
    QString bodyProblem;        // why a multipart body could not be split; empty when fine

    static SandboxRequestRecord make(const SandboxRequest &request, const SandboxRouter &router);
};
