# Finds every dependency from Debian 12 packages. A missing one stops configure with the
# name of the Debian package that provides it (scripts/setup installs them all).
include(FindPkgConfig)

function(bidrag_missing what package)
  message(FATAL_ERROR "bidrag: ${what} not found. Install the Debian package '${package}' "
                      "(or run scripts/setup, which installs everything the build needs).")
endfunction()

find_package(PkgConfig)
if(NOT PKG_CONFIG_FOUND)
  bidrag_missing("pkg-config" "pkg-config")
endif()

macro(bidrag_pkg target module package)
  pkg_check_modules(${target} IMPORTED_TARGET ${module})
  if(NOT ${target}_FOUND)
    bidrag_missing("${module} (pkg-config)" "${package}")
  endif()
endmacro()

# Poppler's core API (PDFDoc, TextOutputDev, OutputDev, the structure tree, link annotations):
# one document per PDF gives words, ruling lines, links, information and the tagged article.
bidrag_pkg(POPPLER_CORE poppler libpoppler-private-dev)
bidrag_pkg(GUMBO gumbo libgumbo-dev)
# XLSX workbooks are zip archives: libzip reads them from memory with per-part size caps.
bidrag_pkg(LIBZIP libzip libzip-dev)
bidrag_pkg(LIBCURL libcurl libcurl4-openssl-dev)
bidrag_pkg(LIBPQ libpq libpq-dev)

# Gzipped sitemaps (sitemap.xml.gz) are unpacked with zlib (libcurl only decodes a gzip
# Content-Encoding, not a .gz file served as it is).
find_package(ZLIB QUIET)
if(NOT ZLIB_FOUND)
  bidrag_missing("zlib" "zlib1g-dev")
endif()

find_package(pugixml CONFIG QUIET)
if(NOT pugixml_FOUND)
  bidrag_missing("pugixml" "libpugixml-dev")
endif()

find_package(ICU COMPONENTS uc i18n QUIET)
if(NOT ICU_FOUND)
  bidrag_missing("ICU (uc, i18n)" "libicu-dev")
endif()

find_package(RapidJSON CONFIG QUIET)
if(NOT RapidJSON_FOUND)
  bidrag_missing("RapidJSON" "rapidjson-dev")
endif()
add_library(bidrag_rapidjson INTERFACE)
target_include_directories(bidrag_rapidjson SYSTEM INTERFACE ${RAPIDJSON_INCLUDE_DIRS})
# std::string support in RapidJSON's API; sizes stay explicit elsewhere.
target_compile_definitions(bidrag_rapidjson INTERFACE RAPIDJSON_HAS_STDSTRING=1)

find_package(SQLite3 QUIET)
if(NOT SQLite3_FOUND)
  bidrag_missing("SQLite3" "libsqlite3-dev")
endif()

# SHA-256 of snapshots and SHA-1 of document URLs (record ids); libcurl already links it.
find_package(OpenSSL QUIET)
if(NOT OpenSSL_FOUND)
  bidrag_missing("OpenSSL libcrypto" "libssl-dev")
endif()

# libphonenumber ships neither a .pc file nor a CMake config on Debian 12.
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h)
find_library(PHONENUMBER_LIBRARY phonenumber)
if(NOT PHONENUMBER_INCLUDE_DIR OR NOT PHONENUMBER_LIBRARY)
  bidrag_missing("libphonenumber" "libphonenumber-dev")
endif()
add_library(bidrag_phonenumber INTERFACE)
target_include_directories(bidrag_phonenumber SYSTEM INTERFACE ${PHONENUMBER_INCLUDE_DIR})
target_link_libraries(bidrag_phonenumber INTERFACE ${PHONENUMBER_LIBRARY})

find_package(CLI11 CONFIG QUIET)
if(NOT CLI11_FOUND)
  bidrag_missing("CLI11" "libcli11-dev")
endif()

find_package(Threads REQUIRED)

if(BIDRAG_BUILD_TESTS)
  find_package(GTest QUIET)
  if(NOT GTest_FOUND)
    bidrag_missing("GoogleTest/GoogleMock" "libgtest-dev libgmock-dev")
  endif()
endif()

if(BIDRAG_BUILD_BENCHMARKS)
  find_package(benchmark QUIET)
  if(NOT benchmark_FOUND)
    bidrag_missing("Google Benchmark" "libbenchmark-dev")
  endif()
endif()
