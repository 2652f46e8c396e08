//! The desktop shell's security configuration, read from the files Tauri
//! builds from: a strict CSP, no file-system access for the webview, and the
//! app's commands allowed to the main window only. (Being an integration
//! test of the desktop package, this also makes `cargo test` build the real
//! app binary that the end-to-end tests drive.)

use std::path::PathBuf;

use serde_json::Value;

fn read(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn the_csp_allows_no_eval_no_inline_script_and_no_remote_origin() {
    let config = read("tauri.conf.json");
    let csp = config["app"]["security"]["csp"].as_object().expect("a CSP object");
    for (directive, value) in csp {
        let value = value.as_str().unwrap();
        assert!(!value.contains("unsafe-eval"), "{directive}: {value}");
        for source in value.split_whitespace() {
            let remote = source.starts_with("http") && source != "http://ipc.localhost";
            assert!(!remote && source != "*" && source != "https:", "{directive} allows a remote origin: {source}");
        }
    }
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'", "no inline or remote scripts");
    assert_eq!(csp["object-src"], "'none'");
}

#[test]
fn only_the_main_window_may_call_the_apps_commands_and_no_fs_access() {
    let capability = read("capabilities/default.json");
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    let permissions: Vec<&str> = capability["permissions"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(!permissions.iter().any(|p| p.starts_with("fs:") || p.starts_with("shell:")), "{permissions:?}");
    // Every command the shell declares (src-tauri/build.rs) is allowed here, and nothing else of ours.
    let build = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src-tauri/build.rs")).unwrap();
    let list = build.split("let commands = &[").nth(1).and_then(|rest| rest.split("];").next()).expect("the command list");
    let commands: Vec<String> = list.split(',').map(|c| c.trim().trim_matches('"').replace('_', "-")).filter(|c| !c.is_empty()).collect();
    for command in &commands {
        assert!(permissions.contains(&format!("allow-{command}").as_str()), "allow-{command} missing");
    }
    let ours = permissions.iter().filter(|p| p.starts_with("allow-")).count();
    assert_eq!(ours, commands.len(), "no permission for a command that does not exist");
}
