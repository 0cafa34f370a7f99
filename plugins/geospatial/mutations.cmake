# Checks the promise of the geospatial fixtures: pass-ogc-features.yaml
# gives no geospatial finding, and each fail-ogc-* fixture (a copy of it
# with one thing broken) gives findings of exactly one geospatial rule, the
# one whose directory it is in, under every profile. The fixture runner
# only looks at a fixture's own rule, so without this a change that made
# one mutation trip a second rule would go unnoticed.
#
#   cmake -DADRLINT=<adrlint> -DFIXTURES=<spec-fixtures/geospatial> -P mutations.cmake
cmake_minimum_required(VERSION 3.25)

function(geo_codes file profile out)
  execute_process(COMMAND "${ADRLINT}" lint -q --profile ${profile} -f json "${file}"
                  OUTPUT_VARIABLE json RESULT_VARIABLE rc)
  if(rc GREATER 1)
    message(FATAL_ERROR "adrlint failed (${rc}) on ${file}")
  endif()
  string(JSON count LENGTH "${json}")
  set(codes "")
  if(count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      string(JSON code GET "${json}" ${i} code)
      if(code MATCHES "^nlgov:geo-")
        list(APPEND codes "${code}")
      endif()
    endforeach()
  endif()
  list(REMOVE_DUPLICATES codes)
  set(${out} "${codes}" PARENT_SCOPE)
endfunction()

set(profiles adr-2.0 adr-2.1 adr-2.2)
file(GLOB passes "${FIXTURES}/*/pass-ogc-features.yaml")
file(GLOB mutations "${FIXTURES}/*/fail-ogc-*.yaml")
list(LENGTH mutations n)
if(n LESS 10 OR NOT passes)
  message(FATAL_ERROR "expected the OGC document and its mutations under ${FIXTURES}")
endif()
list(GET passes 0 pass)
foreach(profile IN LISTS profiles)
  geo_codes("${pass}" ${profile} codes)
  if(codes)
    message(SEND_ERROR "${pass} [${profile}]: unexpected ${codes}")
  endif()
endforeach()
foreach(m IN LISTS mutations)
  get_filename_component(dir "${m}" DIRECTORY)
  get_filename_component(rule "${dir}" NAME)
  string(REGEX REPLACE "^nlgov-" "nlgov:" want "${rule}")
  foreach(profile IN LISTS profiles)
    geo_codes("${m}" ${profile} codes)
    if(NOT codes STREQUAL want)
      message(SEND_ERROR "${m} [${profile}]: geospatial findings '${codes}', want only ${want}")
    endif()
  endforeach()
endforeach()
message(STATUS "${n} mutations of the OGC document each fail one geospatial rule")
