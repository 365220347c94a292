pub fn print_program(_p: &super::ast::Program) -> String { String::new() }
