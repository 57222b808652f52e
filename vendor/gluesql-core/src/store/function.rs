use crate::{
    data::{CustomFunction as StructCustomFunction, Value},
    result::{Error, Result},
};

pub trait CustomFunction {
    fn fetch_function<'a>(&'a self, _func_name: &str) -> Result<Option<&'a StructCustomFunction>> {
        Err(Error::StorageMsg(
            "[Storage] CustomFunction is not supported".to_owned(),
        ))
    }

    fn fetch_all_functions(&self) -> Result<Vec<&StructCustomFunction>> {
        Err(Error::StorageMsg(
            "[Storage] CustomFunction is not supported".to_owned(),
        ))
    }

    /// Patched: whether the storage computes the function `func_name` (upper case) natively.
    fn has_native_function(&self, _func_name: &str) -> bool {
        false
    }

    /// Patched: computes a native function over its evaluated arguments.
    fn call_native_function(&self, func_name: &str, _args: Vec<Value>) -> Result<Value> {
        Err(Error::StorageMsg(format!(
            "[Storage] native function {func_name} is not supported"
        )))
    }
}

pub trait CustomFunctionMut {
    fn insert_function(&mut self, _func: StructCustomFunction) -> Result<()> {
        Err(Error::StorageMsg(
            "[Storage] CustomFunction is not supported".to_owned(),
        ))
    }

    fn delete_function(&mut self, _func_name: &str) -> Result<()> {
        Err(Error::StorageMsg(
            "[Storage] CustomFunction is not supported".to_owned(),
        ))
    }
}
