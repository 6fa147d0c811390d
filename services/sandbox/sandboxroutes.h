#pragma once

class SandboxRouter;

// The route table, one function per group of endpoints, each in its own file.
namespace SandboxRoutes {

void addAccountAndNumbers(SandboxRouter &router);   // accountroutes.cpp
void addCalls(SandboxRouter &router);               // callroutes.cpp
void addSipDomains(SandboxRouter &router);          // siproutes.cpp
void addSipMappings(SandboxRouter &router);         // sipmappingroutes.cpp
void addTrunking(SandboxRouter &router);            // trunkroutes.cpp
void addOriginationUrls(SandboxRouter &router);     // originationroutes.cpp
void addServerless(SandboxRouter &router);          // serverlessroutes.cpp
void addBuilds(SandboxRouter &router);              // buildroutes.cpp
void addEnvironmentChildren(SandboxRouter &router); // environmentroutes.cpp
void addControl(SandboxRouter &router);             // controlroutes.cpp

// Every route the sandbox serves.
SandboxRouter all();

} // namespace SandboxRoutes
