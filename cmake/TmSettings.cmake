# Settings every target of the project shares.

# Twilio's OpenAPI descriptions (MIT, third_party/twilio-oai/LICENSE) are kept in the tree so a
# clone builds and tests on its own; the contract tests read them from here.
set(TM_OPENAPI_DIR "${CMAKE_SOURCE_DIR}/third_party/twilio-oai")

function(tm_apply_settings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror=switch
        -Werror=return-type)
    target_compile_definitions(${target} PRIVATE
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_CAST_TO_ASCII
        QT_NO_FOREACH
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_STRICT_ITERATORS
        QT_DISABLE_DEPRECATED_UP_TO=0x060400)
endfunction()

# tm_add_test(NAME name SOURCES a.cpp ... LIBS lib ... [GUI] [TIMEOUT s] [LABELS l ...])
# One Qt Test executable per unit, registered with ctest. Widget tests run on the offscreen
# platform so they need no display.
function(tm_add_test)
    cmake_parse_arguments(T "GUI" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
    # Every test reads the program's texts as a user does, English plurals included.
    add_executable(${T_NAME} ${T_SOURCES} ${CMAKE_SOURCE_DIR}/tests/common/englishplurals.cpp)
    tm_apply_settings(${T_NAME})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test tm_resources ${T_LIBS})
    target_compile_definitions(${T_NAME} PRIVATE
        TM_OPENAPI_DIR="${TM_OPENAPI_DIR}"
        TM_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
        TM_BINARY_DIR="${CMAKE_BINARY_DIR}")
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    # Settings, journals, run locks and caches go under the build folder, never into the
    # user's own: a test cannot disturb (or depend on) a real installation.
    set(home "${CMAKE_BINARY_DIR}/test-home")
    set(env "QT_QPA_PLATFORM=offscreen" "QT_LOGGING_RULES=*.debug=false"
        "XDG_CONFIG_HOME=${home}/config" "XDG_DATA_HOME=${home}/data"
        "XDG_CACHE_HOME=${home}/cache" "XDG_STATE_HOME=${home}/state" ${T_ENV})
    set_tests_properties(${T_NAME} PROPERTIES TIMEOUT ${T_TIMEOUT} ENVIRONMENT "${env}")
    if(T_LABELS)
        set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}")
    endif()
endfunction()
