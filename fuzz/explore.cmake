# One bounded fuzzing run (the fuzz.explore.<name> tests of CMakeLists.txt), as a CMake script:
#   cmake -DFUZZER=<harness> -DCORPUS=<seed dir> -DSCRATCH=<dir> -DSECONDS=<n> -DFLAGS=<list>
#         -P explore.cmake
# Fuzzes from the seeds for SECONDS (> 0; libFuzzer reads 0 as "forever"); new inputs go to
# SCRATCH/corpus (kept between runs, so a later run goes on from there), a crash, timeout or
# out-of-memory input to SCRATCH/artifacts/. Fails when libFuzzer found something, naming the
# inputs this run saved.
if(NOT SECONDS GREATER 0)
  message(FATAL_ERROR "explore.cmake: SECONDS must be positive, not '${SECONDS}'")
endif()
file(MAKE_DIRECTORY ${SCRATCH}/corpus ${SCRATCH}/artifacts)
file(GLOB before ${SCRATCH}/artifacts/*)
execute_process(
  COMMAND ${FUZZER} ${FLAGS} -max_total_time=${SECONDS} -print_final_stats=1
          -artifact_prefix=${SCRATCH}/artifacts/ ${SCRATCH}/corpus ${CORPUS}
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(GLOB found ${SCRATCH}/artifacts/*)
  if(before)
    list(REMOVE_ITEM found ${before})
  endif()
  list(JOIN found "\n  " found)
  message(FATAL_ERROR "${FUZZER}: libFuzzer exited with ${result}; reproduce with\n  "
                      "${FUZZER} <input>\nnew inputs:\n  ${found}")
endif()
