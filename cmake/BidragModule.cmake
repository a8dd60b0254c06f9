# One static library per concern (src/<name>/), all together forming bidrag_core.
# A module compiles every .cpp below its folder, so adding a unit needs no CMake edit;
# keeping modules separate means a test rebuilds and links only what it uses.
function(bidrag_module name)
  cmake_parse_arguments(M "RECURSE" "DIR" "DEPS" ${ARGN})
  if(NOT M_DIR)
    set(M_DIR ${name})
  endif()
  if(M_RECURSE)
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/${M_DIR}/*.cpp")
  else()
    file(GLOB sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/${M_DIR}/*.cpp")
  endif()
  set(target bidrag_${name})
  add_library(${target} STATIC ${sources} "${PROJECT_SOURCE_DIR}/cmake/empty.cpp")
  target_include_directories(${target} PUBLIC "${PROJECT_SOURCE_DIR}/include"
                                       PRIVATE "${PROJECT_SOURCE_DIR}/src")
  target_link_libraries(${target} PUBLIC ${M_DEPS})
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_property(GLOBAL APPEND PROPERTY BIDRAG_MODULES ${target})
endfunction()

# tests/<name>/*.cpp → one GoogleTest executable test_<name>, discovered by CTest, labelled <name>.
# SERIAL: a gtest filter of the tests that run alone (RUN_SERIAL): those that bound the CPU time
# a hostile input may take, which a test running beside them on two cores would inflate.
function(bidrag_test name)
  cmake_parse_arguments(T "" "SERIAL" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/tests/${name}/*.cpp")
  if(NOT sources)
    return()
  endif()
  add_executable(test_${name} ${sources})
  target_link_libraries(test_${name} PRIVATE bidrag_test_support ${T_DEPS} GTest::gmock GTest::gtest_main)
  target_include_directories(test_${name} PRIVATE "${PROJECT_SOURCE_DIR}/src" "${PROJECT_SOURCE_DIR}/tests")
  # gtest_discover_tests cannot pass list values through its generated script, so each
  # property holds one value: the label is the folder's name (ctest -L postgres, -LE postgres),
  # and the source folder reaches the tests as a compile definition of the support library.
  if(T_SERIAL)
    gtest_discover_tests(test_${name}
      WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
      TEST_FILTER "-${T_SERIAL}"
      PROPERTIES LABELS ${name} ENVIRONMENT "BIDRAG_BINARY=$<TARGET_FILE:bidrag>"
      DISCOVERY_TIMEOUT 60)
    gtest_discover_tests(test_${name}
      WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
      TEST_FILTER "${T_SERIAL}"
      PROPERTIES LABELS ${name} ENVIRONMENT "BIDRAG_BINARY=$<TARGET_FILE:bidrag>" RUN_SERIAL TRUE
      DISCOVERY_TIMEOUT 60)
  else()
    gtest_discover_tests(test_${name}
      WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
      PROPERTIES LABELS ${name} ENVIRONMENT "BIDRAG_BINARY=$<TARGET_FILE:bidrag>"
      DISCOVERY_TIMEOUT 60)
  endif()
endfunction()

# Compiles a text file into the library as `extern const std::string_view <symbol>;` in
# namespace bidrag::embedded, so the binary needs no data files at run time.
function(bidrag_embed target file symbol)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded/${symbol}.cpp")
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DSYMBOL=${symbol}
            -P "${PROJECT_SOURCE_DIR}/cmake/embed.cmake"
    DEPENDS "${file}" "${PROJECT_SOURCE_DIR}/cmake/embed.cmake"
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE "${out}")
endfunction()
