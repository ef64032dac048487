export { SkillTag, type SkillTagPart, type SkillTagProps } from './SkillTag';
