//! The device the parity tests run on: the CPU unless `TARJAMA_TEST_DEVICE` names another
//! (`cuda` or `cuda:N`, in a build with `--features cuda`). The assertions against the
//! transformers references stay the same, so on a GPU machine the same tests check the CUDA path.

use candle_core::Device;
use tarjama::mt::DeviceSpec;

/// The device named by `TARJAMA_TEST_DEVICE` (default `cpu`).
pub fn spec() -> DeviceSpec {
    match std::env::var("TARJAMA_TEST_DEVICE") {
        Ok(name) => name
            .parse()
            .unwrap_or_else(|e| panic!("TARJAMA_TEST_DEVICE: {e}")),
        Err(_) => DeviceSpec::Cpu,
    }
}

/// The opened device; a named device that cannot be opened fails the test, never falls back.
#[allow(dead_code)]
pub fn device() -> Device {
    spec()
        .device()
        .unwrap_or_else(|e| panic!("TARJAMA_TEST_DEVICE: {e}"))
}
